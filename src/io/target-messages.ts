/**
 * What a table's column or row names when it names nothing the rubric takes, and what
 * to write instead: each message worded in English and Vietnamese.
 * @module
 */
import { message } from "./messages.js";

/** The messages, by what they say. */
export const TARGET_MESSAGES = {
  unknownLayer: message(
    (layer: string, layers: string) => `unknown layer "${layer}"; write one of ${layers}, or nothing for self`,
    (layer: string, layers: string) => `không có lớp số liệu "${layer}"; hãy ghi một trong các lớp ${layers}, hoặc để trống nếu là số liệu tự đánh giá`,
  ),
  notApplicableInput: message(
    (input: string) => `a notApplicable entry names a node only, not an input ("${input}")`,
    (input: string) => `mục notApplicable chỉ ghi mã tiêu chí, không ghi đầu vào ("${input}")`,
  ),
  unknownNode: message(
    (node: string, ids: string) => `unknown criterion "${node}"; the rubric's ids are ${ids}`,
    (node: string, ids: string) => `bộ chỉ số không có tiêu chí "${node}"; các mã tiêu chí là ${ids}`,
  ),
  unitLayer: message(
    (layer: string) => `unit fields take no layer ("${layer}")`,
    (layer: string) => `thông tin đơn vị không ghi lớp số liệu ("${layer}")`,
  ),
  unknownUnitField: message(
    (input: string, facts: string) => `unknown unit field "${input}"; write id, name, group or a fact of the rubric (${facts})`,
    (input: string, facts: string) => `không có thông tin đơn vị "${input}"; hãy ghi id, name, group hoặc một thông tin đơn vị của bộ chỉ số (${facts})`,
  ),
  unknownLeaf: message(
    (node: string, groups: boolean, leaves: string) => `unknown criterion "${node}"${groups ? " (it groups other criteria; give the inputs of its leaves)" : ""}; the leaves with inputs are ${leaves}`,
    (node: string, groups: boolean, leaves: string) => groups
      ? `tiêu chí "${node}" gồm các tiêu chí thành phần, không nhận số liệu trực tiếp; các tiêu chí nhận số liệu là ${leaves}`
      : `bộ chỉ số không có tiêu chí "${node}"; các tiêu chí nhận số liệu là ${leaves}`,
  ),
  surveyOnly: message(
    (node: string, input: string) => `"${node}" is scored from the survey; write survey:${node}.${input} (or no layer)`,
    (node: string, input: string) => `tiêu chí "${node}" chấm theo kết quả điều tra xã hội học; hãy ghi survey:${node}.${input} (hoặc bỏ lớp số liệu)`,
  ),
  notSurvey: message(
    (node: string, input: string) => `"${node}" is not scored from the survey; write ${node}.${input} or appraisal:${node}.${input}`,
    (node: string, input: string) => `tiêu chí "${node}" không chấm theo kết quả điều tra xã hội học; hãy ghi ${node}.${input} hoặc appraisal:${node}.${input}`,
  ),
  reasonOutsideAppraisal: message(
    (node: string) => `a reason belongs to the appraisal; write appraisal:${node}.reason`,
    (node: string) => `ý kiến thẩm định thuộc lớp thẩm định; hãy ghi appraisal:${node}.reason`,
  ),
  pointsNotGiven: message(
    (node: string, inputs: string) => `"${node}" computes its points from its inputs (${inputs}); only a "score = given" criterion takes points`,
    (node: string, inputs: string) => `tiêu chí "${node}" tự tính điểm từ số liệu đầu vào (${inputs}); chỉ tiêu chí "score = given" mới nhận điểm trực tiếp`,
  ),
  unknownInput: message(
    (node: string, input: string, inputs: string, points: boolean) => `criterion "${node}" has no input "${input}"; its inputs are ${inputs}${points ? " and points" : ""}`,
    (node: string, input: string, inputs: string, points: boolean) => `tiêu chí "${node}" không có đầu vào "${input}"; các đầu vào của tiêu chí là ${inputs}${points ? " và points" : ""}`,
  ),
  columnNamesNoInput: message(
    (place: string, text: string) => `${place}: column "${text}" names no input; write unit.id, unit.<fact>, <criterion>.<input> or <layer>:<criterion>.<input>`,
    (place: string, text: string) => `${place}: cột "${text}" không chỉ ra số liệu nào; hãy ghi unit.id, unit.<thông tin>, <mã tiêu chí>.<đầu vào> hoặc <lớp>:<mã tiêu chí>.<đầu vào>`,
  ),
  column: message(
    (place: string, text: string, why: string) => `${place}: column "${text}": ${why}`,
    (place: string, text: string, why: string) => `${place}: cột "${text}": ${why}`,
  ),
  columnRepeated: message(
    (place: string, text: string, earlier: string) => `${place}: column "${text}" repeats column ${earlier}; keep one of them`,
    (place: string, text: string, earlier: string) => `${place}: cột "${text}" trùng với cột ${earlier}; chỉ giữ một cột`,
  ),
  noUnitIdColumn: message(
    (place: string) => `${place}: the header has no unit.id column; every row needs the unit's id`,
    (place: string) => `${place}: dòng tiêu đề thiếu cột unit.id; mỗi dòng phải có mã đơn vị`,
  ),
  sheetRow: message(
    (file: string, sheet: string, row: number) => `${file} [${sheet}] row ${row}`,
    (file: string, sheet: string, row: number) => `${file} [${sheet}] dòng ${row}`,
  ),
  longHeader: message(
    (place: string, expected: string, found: string) => `${place}: a long table's header is ${expected}; found ${found}`,
    (place: string, expected: string, found: string) => `${place}: dòng tiêu đề của bảng dạng dọc là ${expected}; tệp này ghi ${found}`,
  ),
  longRowCells: message(
    (place: string, cells: number, expected: number, columns: string) => `${place}: the row has ${cells} cells; a long table has ${expected} (${columns})`,
    (place: string, cells: number, expected: number, columns: string) => `${place}: dòng này có ${cells} ô; bảng dạng dọc có ${expected} cột (${columns})`,
  ),
  emptyUnitId: message(
    (place: string) => `${place}: the unit's id is empty; write the unit's id`,
    (place: string) => `${place}: chưa ghi mã đơn vị; hãy ghi mã đơn vị`,
  ),
  none: message(() => "(none)", () => "(không có)"),
};
