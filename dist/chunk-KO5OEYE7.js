import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  SEVERITY_RANK,
  analyse,
  computeFixes,
  definePolicy,
  fileSkipReason,
  fingerprintOf,
  fixGroupLabel,
  formatMessage,
  run,
  testPolicy
} from "./chunk-TD7DL4WF.js";
import {
  editDistance,
  isLikelyTypo
} from "./chunk-H6EUGKT7.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  SEVERITY_RANK,
  analyse,
  computeFixes,
  definePolicy,
  editDistance,
  fileSkipReason,
  fingerprintOf,
  fixGroupLabel,
  formatMessage,
  isLikelyTypo,
  run,
  testPolicy
};
