import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  FILE_NOT_SCANNED_ID,
  NOT_SCANNED_DEFAULTS,
  NOT_SCANNED_MESSAGES,
  SEVERITY_RANK,
  analyse,
  baseExemptionsInText,
  computeFixes,
  definePolicy,
  fileSkipReason,
  fingerprintOf,
  fixGroupLabel,
  formatMessage,
  hasTemplateSyntax,
  run,
  testPolicy
} from "./chunk-W5AYN72Z.js";
import {
  editDistance,
  isLikelyTypo
} from "./chunk-J3DWAP6P.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  FILE_NOT_SCANNED_ID,
  NOT_SCANNED_DEFAULTS,
  NOT_SCANNED_MESSAGES,
  SEVERITY_RANK,
  analyse,
  baseExemptionsInText,
  computeFixes,
  definePolicy,
  editDistance,
  fileSkipReason,
  fingerprintOf,
  fixGroupLabel,
  formatMessage,
  hasTemplateSyntax,
  isLikelyTypo,
  run,
  testPolicy
};
