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
} from "./chunk-6PPQRKPD.js";
import "./chunk-SKSSCPAE.js";
import "./chunk-QDAHG25K.js";
import "./chunk-PTN6QAU2.js";
import {
  editDistance,
  isLikelyTypo
} from "./chunk-23UJLTM7.js";
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
