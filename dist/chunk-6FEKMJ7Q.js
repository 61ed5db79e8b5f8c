import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  IMAGE_DIGEST_POLICY_ID,
  resolveImageDigests,
  unpinnedImages
} from "./chunk-MMVLQ3YQ.js";
import "./chunk-OTFMWIL7.js";
import "./chunk-ICBFVENC.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  IMAGE_DIGEST_POLICY_ID,
  resolveImageDigests,
  unpinnedImages
};
