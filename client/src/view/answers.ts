/**
 * Pure descriptions of answers and edits for display: an answer as short lines (facilitator's live
 * drafts, projected reveal, debrief) and an edit as a translatable sentence (team activity). Each
 * puzzle type brings its own (client/src/puzzles/<type>/); this module picks the right one.
 */
export {
  answerFigure,
  answerLines,
  describeEdit,
  feedbackTarget,
  type Line,
  type Sentence,
} from "../puzzles/registry.ts";
