import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  IMAGE_DIGEST_POLICY_ID,
  accessForRun,
  containerImages,
  resolveImageDigests,
  unpinnedImages
} from "./chunk-VI35IC6F.js";
import "./chunk-RULH35XA.js";
import "./chunk-YECIF7MY.js";
import "./chunk-HMAY3IZG.js";
import "./chunk-WWHR42BP.js";
import "./chunk-XJ4RNHDL.js";
import "./chunk-GRKRAENP.js";
import "./chunk-QPSMOZU7.js";
import "./chunk-362AWBFG.js";
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
