import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  CONFIG_PATH,
  diskFiles,
  loadRunSettings
} from "./chunk-TV2SFSJJ.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  CONFIG_PATH,
  diskFiles,
  loadRunSettings
};
