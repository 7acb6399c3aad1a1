import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { materialRoles, playerMaterialRoles } from "./material-roles.ts";
import { privateMaterialsFor } from "./public.ts";
import { fixtureScenario } from "./test-fixtures.ts";
import { sessionWith } from "./test-helpers.ts";

const roles = [{ id: "juriste" }, { id: "service" }, { id: "dpo" }];

describe("materialRoles", () => {
  it("a full team: each member reads their own role only", () => {
    const held = ["juriste", "service", "dpo", "service"];
    expect(materialRoles(roles, held, "juriste")).toEqual(["juriste"]);
    expect(materialRoles(roles, held, "service")).toEqual(["service"]);
    expect(materialRoles(roles, held, "dpo")).toEqual(["dpo"]);
  });

  it("a team of two: the role nobody holds goes to one present role, not lost", () => {
    const held = ["juriste", "service"];
    expect(materialRoles(roles, held, "juriste")).toEqual(["juriste", "dpo"]);
    expect(materialRoles(roles, held, "service")).toEqual(["service"]);
  });

  it("a player alone reads every role; a player without a role reads none", () => {
    expect(materialRoles(roles, ["service"], "service")).toEqual(["juriste", "service", "dpo"]);
    expect(materialRoles(roles, ["service", null], null)).toEqual([]);
  });

  it("is what privateMaterialsFor is given: a lone juriste of the fixture reads the producer's documents too", () => {
    const [juriste, producteur] = fixtureScenario.roles;
    if (!juriste || !producteur) throw new Error("fixture roles");
    const read = materialRoles(fixtureScenario.roles, [juriste.id], juriste.id);
    const own = privateMaterialsFor(fixtureScenario, juriste.id);
    const theirs = privateMaterialsFor(fixtureScenario, producteur.id);
    const both = privateMaterialsFor(fixtureScenario, read);
    for (const [stepId, materials] of Object.entries({ ...own, ...theirs }))
      for (const material of materials) expect(both[stepId]).toContainEqual(material);
  });

  it("property: every role is read by some member, each held role by its holders, each missing role by exactly one held role", () => {
    const roleIds = fc.uniqueArray(fc.constantFrom<string>("a", "b", "c", "d", "e"), {
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(
        roleIds,
        fc.array(fc.option(fc.constantFrom<string>("a", "b", "c", "d", "e", "x"), { nil: null }), {
          minLength: 1,
        }),
        (ids, held) => {
          const scenarioRoles = ids.map((id) => ({ id }));
          const present = [...new Set(held)].filter((id) => id !== null && ids.includes(id)) as string[];
          const readBy = new Map(present.map((id) => [id, materialRoles(scenarioRoles, held, id)]));
          for (const [id, read] of readBy) expect(read).toContain(id);
          for (const role of ids) {
            const readers = present.filter((id) => readBy.get(id)?.includes(role));
            if (present.length === 0) expect(readers).toEqual([]);
            else if (present.includes(role)) expect(readers).toEqual([role]);
            else expect(readers).toHaveLength(1);
          }
        },
      ),
    );
  });
});

describe("playerMaterialRoles", () => {
  it("reads the team's held roles from the session", () => {
    const model = sessionWith(fixtureScenario, ["ana"]);
    const ana = Object.values(model.players)[0];
    if (!ana) throw new Error("no player");
    expect(playerMaterialRoles(model, fixtureScenario, ana.id)).toEqual(
      fixtureScenario.roles.map((r) => r.id),
    );
  });
});
