import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  IMAGE_DIGEST_POLICY_ID,
  accessForRun,
  containerImages,
  resolveImageDigests,
  unpinnedImages
} from "./chunk-GQP6554T.js";
import "./chunk-YLDTHILD.js";
import "./chunk-RZVKE7Q3.js";
import "./chunk-LFOF6NNR.js";
import "./chunk-SKSSCPAE.js";
import "./chunk-QDAHG25K.js";
import "./chunk-QB2AKFZH.js";
import "./chunk-23UJLTM7.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  IMAGE_DIGEST_POLICY_ID,
  accessForRun,
  containerImages,
  resolveImageDigests,
  unpinnedImages
};
