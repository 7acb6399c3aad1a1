/** French texts for refusal reasons, shown to players and facilitators. */
import type { ProtocolErrorCode } from "../../shared/protocol.ts";

const MESSAGES: Partial<Record<ProtocolErrorCode, string>> = {
  kicked: "Vous avez été retiré de la session.",
  "no-players": "Aucun joueur n'est encore arrivé.",
  "step-open": "L'étape est encore ouverte.",
  "wrong-phase": "Ce n'est pas possible à ce moment de la session.",
  "session-locked": "La session est verrouillée.",
  "session-full": "La session est complète.",
  "name-taken": "Ce nom est déjà pris dans la session : choisissez-en un autre.",
  "name-invalid": "Nom invalide : de 1 à 40 caractères visibles, sans caractère invisible ni de contrôle.",
  "unknown-player": "Joueur inconnu.",
  "unknown-team": "Équipe inconnue.",
  "team-full": "Cette équipe est complète.",
  "not-in-team": "Vous n'êtes dans aucune équipe.",
  "unknown-step": "Cette étape n'est pas celle de votre équipe.",
  "step-closed": "Cette étape est close.",
  "invalid-edit": "Modification impossible pour cette énigme.",
  "stale-proposal":
    "Cette proposition n'est plus d'actualité : rien n'a changé. Regardez la proposition en cours.",
  "own-proposal": "C'est votre propre proposition : retirez-la plutôt.",
  "already-approved": "Vous avez déjà approuvé cette proposition.",
  "no-attempts-left": "Plus aucune tentative pour cette étape.",
  "hints-disabled": "Les indices sont désactivés.",
  "no-more-hints": "Plus d'indice pour cette étape.",
  "not-revealed": "L'étape n'a pas encore été révélée.",
  "no-next-step": "Il n'y a pas d'étape suivante.",
  "invalid-option": "Option invalide.",
  "unknown-piece": "Cet élément n'est pas sur la table de cette étape.",
  "no-reaction": "Vous n'avez pas laissé de jeton sur cet élément.",
  "unknown-message": "Message inconnu.",
  "invalid-message": "Message mal formé.",
  "not-facilitator": "Action réservée à l'animateur ou l'animatrice.",
  "not-player": "Action réservée aux joueurs.",
  "other-team": "Vous ne pouvez agir que pour votre équipe.",
  "rate-limited": "Trop de demandes : patientez un peu.",
  internal: "Erreur interne du serveur.",
  "seat-claimable":
    "Ce nom est celui d'une place déconnectée : reprenez-la avec son code de reprise ou l'accord de l'animateur.",
  "seat-unknown": "Cette place n'existe plus dans la session.",
  "seat-moved": "Cette place a été reprise sur un autre appareil.",
  "wrong-rejoin-code": "Code de reprise incorrect.",
  "rejoin-code-locked": "Trop de codes de reprise incorrects : demandez à l'animateur de confirmer.",
  "unknown-claim": "Cette demande de reprise n'est plus en attente.",
  "seat-connected": "Cette place est de nouveau connectée : elle ne peut pas être reprise.",
  "claim-refused": "L'animateur n'a pas confirmé la reprise de cette place.",
};

export function refusalMessage(code: ProtocolErrorCode, detail?: string): string {
  const base = MESSAGES[code] ?? "Action refusée.";
  return detail ? `${base} (${detail})` : base;
}
