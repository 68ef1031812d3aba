import { evaluatePlain } from "./evaluate-plain.js";
export const evaluateFast = evaluatePlain;
