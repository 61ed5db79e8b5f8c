import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  IMAGE_DIGEST_POLICY_ID,
  accessForRun,
  containerImages,
  resolveImageDigests,
  unpinnedImages
} from "./chunk-IVFP7NYF.js";
import "./chunk-DCIAC5TJ.js";
import "./chunk-UCSS3A4U.js";
import "./chunk-TUZBA4WE.js";
import "./chunk-SKSSCPAE.js";
import "./chunk-QDAHG25K.js";
import "./chunk-UQZTLBKW.js";
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
