/**
 * Citations the domain brief marks wrong (content audit §2): a scenario text that cites one of these
 * articles for that rule teaches a false legal reference. Also flags sources that link to a home page
 * or to the whole CRPA instead of the page that proves the point.
 */

export interface CitationFinding {
  /** JSON path of the text, e.g. `steps.4.explanation.text`. */
  path: string;
  /** Why it is wrong, and the right citation (French, for designers). */
  message: string;
}

interface WrongCitation {
  /** The article as cited. */
  cited: RegExp;
  /** The rule it is wrongly cited for (checked in the whole text). */
  about: RegExp;
  /** A sentence citing the article for what it really says (checked in the citing sentence). */
  excuse: RegExp;
  message: string;
}

const WRONG_CITATIONS: WrongCitation[] = [
  {
    cited: /\bL\.?\s?323-2(?![-\d])/,
    about: /obligatoire|redevance/i,
    excuse: /homologu|liste|restriction/i,
    message: "la licence obligatoire en cas de redevance est dans l'article L323-1 du CRPA, pas L323-2",
  },
  {
    cited: /\bL\.?\s?324-4(?![-\d])/,
    about: /exception|recettes propres|autofinanc|couvrir/i,
    excuse: /renvoie|catégories/i,
    message:
      "l'exception d'autofinancement est dans la seconde phrase de l'article L324-1 (critère : R324-4-1) ; L324-4 renvoie seulement à un décret",
  },
  {
    cited: /\b(?:article|art\.|§)\s*4\.3\b|\b4\.3 et 4\.4\b|articles? 4\.3/i,
    about: /ODbL|Open Database|OpenStreetMap/i,
    excuse: /production|produced/i,
    message:
      "la mention d'une base (dérivée) diffusée publiquement est à l'article 4.2 de l'ODbL ; 4.3 vise les productions (Produced Works)",
  },
  {
    cited: /\bL\.?\s?112-6(?![-\d])/,
    about: /voies|recours/i,
    excuse: /accusé de réception/i,
    message:
      "les voies et délais de recours d'un refus écrit relèvent de l'article L311-14 du CRPA et de R421-5 du code de justice administrative ; L112-6 vise l'accusé de réception",
  },
  {
    cited: /\bL\.?\s?312-1-1(?![-\d])/,
    about: /format ouvert|standard ouvert|formats? (?:ouverts?|fermés?)/i,
    excuse: /ce qui doit être publié|seuil|habitants|agents/i,
    message:
      "l'obligation de publier dans un standard ouvert, exploitable par une machine, est à l'article L300-4 du CRPA ; L312-1-1 dit ce qui doit être publié",
  },
  {
    cited: /\bloi n°\s?83-634\b/i,
    about: /dossier/i,
    excuse: /code général de la fonction publique/i,
    message:
      "le dossier individuel de la loi n° 83-634 (article 18) est aujourd'hui repris dans le code général de la fonction publique : dites-le en citant la loi",
  },
];

/** Links that are a site's home page, or the whole CRPA: a source must link to the page that proves the point. */
export function isHomePageUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.pathname === "/" || parsed.pathname === "") return true;
  return /legifrance\.gouv\.fr$/.test(parsed.hostname) && /\/texte_lc\/LEGITEXT/.test(parsed.pathname);
}

/** A source label that names an article of the CRPA (« Article L311-2 du CRPA », « Articles L324-1 … du CRPA »). */
const CRPA_ARTICLE_LABEL = /\b[LRD]\*?\d{3}(?:-\d+)+\b.*\bCRPA\b/;

/**
 * Every text of a scenario (any JSON value) that cites an article in a form the brief marks wrong,
 * links a home page, or names an article of the CRPA in a source without a link (M9).
 */
export function wrongCitations(value: unknown, path: string[] = []): CitationFinding[] {
  if (isUnlinkedCrpaSource(value, path))
    return [
      {
        path: [...path, "url"].join("."),
        message:
          "source sans lien : liez l'article sur Légifrance (https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI…) ou la page qui le prouve",
      },
      ...wrongCitations((value as { label: string }).label, [...path, "label"]),
    ];
  if (typeof value === "string") {
    const findings: CitationFinding[] = [];
    const sentences = value.split(/\n|(?<=[.;!?])\s+/);
    for (const wrong of WRONG_CITATIONS) {
      const citing = sentences.filter((sentence) => wrong.cited.test(sentence));
      if (wrong.about.test(value) && citing.some((sentence) => !wrong.excuse.test(sentence)))
        findings.push({ path: path.join("."), message: wrong.message });
    }
    if (path.at(-1) === "url" && isHomePageUrl(value))
      findings.push({
        path: path.join("."),
        message:
          "lien vers une page d'accueil : citez la page qui prouve le point (article, page du guide, schéma)",
      });
    return findings;
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => wrongCitations(item, [...path, String(i)]));
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([key, item]) => wrongCitations(item, [...path, key]));
  return [];
}

function isUnlinkedCrpaSource(value: unknown, path: string[]): boolean {
  if (path.at(-2) !== "sources" || value === null || typeof value !== "object") return false;
  const source = value as { label?: unknown; url?: unknown };
  return typeof source.label === "string" && CRPA_ARTICLE_LABEL.test(source.label) && !source.url;
}
