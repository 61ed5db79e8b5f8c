import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  baseExemptionsInText,
  confidenceOfKinds,
  fixGroupLabel
} from "./chunk-GBQPUQWT.js";
import {
  analyse,
  computeFixes,
  fileSkipReason,
  hasTemplateSyntax,
  run
} from "./chunk-BWIBLJZ3.js";
import "./chunk-HMAY3IZG.js";
import {
  BUILTIN_POLICY_IDS,
  FILE_NOT_SCANNED_ID,
  NOT_SCANNED_DEFAULTS,
  NOT_SCANNED_MESSAGES,
  SEVERITY_RANK,
  builtinDocsUrl,
  definePolicy,
  fingerprintOf,
  formatMessage,
  notScannedFinding
} from "./chunk-WWHR42BP.js";
import "./chunk-XJ4RNHDL.js";
import "./chunk-GRKRAENP.js";
import "./chunk-QPSMOZU7.js";
import "./chunk-P3YRBRJ7.js";
import {
  editDistance,
  isLikelyTypo
} from "./chunk-23UJLTM7.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-GCJCDDRW.js";
import "./chunk-EAZCXRIZ.js";
export {
  BUILTIN_POLICY_IDS,
  FILE_NOT_SCANNED_ID,
  NOT_SCANNED_DEFAULTS,
  NOT_SCANNED_MESSAGES,
  SEVERITY_RANK,
  analyse,
  baseExemptionsInText,
  builtinDocsUrl,
  computeFixes,
  confidenceOfKinds,
  definePolicy,
  editDistance,
  fileSkipReason,
  fingerprintOf,
  fixGroupLabel,
  formatMessage,
  hasTemplateSyntax,
  isLikelyTypo,
  notScannedFinding,
  run
};
