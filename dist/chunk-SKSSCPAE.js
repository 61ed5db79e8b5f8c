import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  globOptions
} from "./chunk-QDAHG25K.js";
import {
  minimatch
} from "./chunk-FSFUDRU3.js";

// src/glob.ts
function matchGlob(path, glob) {
  return minimatch(path, glob, globOptions(glob));
}

export {
  matchGlob
};
