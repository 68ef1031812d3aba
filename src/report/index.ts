/**
 * The report stage: renderings of ranked tables for terminals, documents and
 * spreadsheets, in Vietnamese and English.
 * @module
 */
export { renderRanking, renderTable, type TableFormat } from "./render.js";
export { renderUnitDetail, unitDetailTable } from "./detail.js";
export { rankedTable, unrankedTable, tieBreakText, type Table } from "./table.js";
export { changeText, figure, rankText, WORDS, type Words } from "./locale.js";
export { renderRankingHtml, escapeHtml, htmlPage } from "./html.js";
export { traceText, stepText, readable, percentText } from "./trace-text.js";
export { nodeErrorText, unitErrorsText, unrankedReason, localizedUnranked, type NodeErrorData } from "./unit-errors.js";
export { standingText } from "./standing.js";
export { bandBasisText } from "./band-text.js";
