import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  IMAGE_DIGEST_POLICY_ID,
  resolveImageDigests,
  unpinnedImages
} from "./chunk-7IYHDPSR.js";
import "./chunk-GDJ4UAF2.js";
import "./chunk-XGP3YI6V.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  IMAGE_DIGEST_POLICY_ID,
  resolveImageDigests,
  unpinnedImages
};
