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
} from "./chunk-JY5DQUYR.js";
import {
  editDistance,
  isLikelyTypo
} from "./chunk-TMAU2GVV.js";
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
