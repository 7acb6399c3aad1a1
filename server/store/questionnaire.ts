/**
 * Questionnaire answers in the store, anonymous: an answer row carries no player id (its id is
 * random, rows are read back in id order, not answer order); a separate table records which seats
 * answered, so a second answer is refused. Both are written in one transaction.
 */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { QuestionnaireAnswer } from "../../shared/questionnaire.ts";
import type { Database } from "./store.ts";

export interface QuestionnaireTables {
  questionnaire_answers: { id: string; session_code: string; answer_json: string };
  questionnaire_seats: { session_code: string; player_id: string };
}

export class QuestionnaireStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Saves the answer; false (nothing written) when this seat already answered. */
  async answer(sessionCode: string, playerId: string, answer: QuestionnaireAnswer): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const already = await tx
        .selectFrom("questionnaire_seats")
        .select("player_id")
        .where("session_code", "=", sessionCode)
        .where("player_id", "=", playerId)
        .executeTakeFirst();
      if (already) return false;
      await tx
        .insertInto("questionnaire_seats")
        .values({ session_code: sessionCode, player_id: playerId })
        .execute();
      await tx
        .insertInto("questionnaire_answers")
        .values({
          id: randomBytes(12).toString("hex"),
          session_code: sessionCode,
          answer_json: JSON.stringify(answer),
        })
        .execute();
      return true;
    });
  }

  async answers(sessionCodes: readonly string[]): Promise<QuestionnaireAnswer[]> {
    if (sessionCodes.length === 0) return [];
    const rows = await this.db
      .selectFrom("questionnaire_answers")
      .select("answer_json")
      .where("session_code", "in", sessionCodes)
      .orderBy("id")
      .execute();
    return rows.map((r) => JSON.parse(r.answer_json) as QuestionnaireAnswer);
  }
}
