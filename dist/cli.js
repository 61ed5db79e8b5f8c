#!/usr/bin/env node
import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);

// src/cli.ts
console.log("kube-immutable");
