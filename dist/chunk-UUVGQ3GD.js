import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  diskFiles,
  loadRunSettings
} from "./chunk-6NFZBB4S.js";
import "./chunk-SFQXZAG2.js";
import "./chunk-QPSMOZU7.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-GCJCDDRW.js";
import "./chunk-EAZCXRIZ.js";
export {
  diskFiles,
  loadRunSettings
};
