import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  diskFiles,
  loadRunSettings
} from "./chunk-6KDZHZCW.js";
import "./chunk-IEKIVSIN.js";
import "./chunk-OQP764A7.js";
import "./chunk-EAZCXRIZ.js";
export {
  diskFiles,
  loadRunSettings
};
