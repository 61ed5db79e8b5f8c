import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  IMAGE_DIGEST_POLICY_ID,
  resolveImageDigests,
  unpinnedImages
} from "./chunk-GPX6IRP7.js";
import "./chunk-Q3TVPIWO.js";
import "./chunk-N6CDWI5X.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  IMAGE_DIGEST_POLICY_ID,
  resolveImageDigests,
  unpinnedImages
};
