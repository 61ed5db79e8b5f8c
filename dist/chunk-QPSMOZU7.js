import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  minimatch
} from "./chunk-FSFUDRU3.js";
import {
  globOptions
} from "./chunk-GCJCDDRW.js";

// src/glob.ts
function matchGlob(path, glob) {
  return minimatch(path, glob, globOptions(glob));
}

export {
  matchGlob
};
