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
} from "./chunk-Q3TVPIWO.js";
import {
  editDistance,
  isLikelyTypo
} from "./chunk-N6CDWI5X.js";
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
