import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  IMAGE_DIGEST_POLICY_ID,
  accessForRun,
  containerImages,
  resolveImageDigests,
  unpinnedImages
} from "./chunk-WP5FRSDJ.js";
import "./chunk-AUGRWWU6.js";
import "./chunk-4TU67UMF.js";
import "./chunk-SCSQVYNF.js";
import "./chunk-QPSMOZU7.js";
import "./chunk-7MOTDLS3.js";
import "./chunk-23UJLTM7.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-GCJCDDRW.js";
import "./chunk-EAZCXRIZ.js";
export {
  IMAGE_DIGEST_POLICY_ID,
  accessForRun,
  containerImages,
  resolveImageDigests,
  unpinnedImages
};
