import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  safeText
} from "./chunk-MEH5RECA.js";
import {
  fixGroupLabel
} from "./chunk-GBQPUQWT.js";
import {
  SEVERITY_RANK,
  fingerprintOf
} from "./chunk-WWHR42BP.js";
import {
  applyEdits
} from "./chunk-P3YRBRJ7.js";

// node_modules/diff/libesm/diff/base.js
var Diff = class {
  diff(oldStr, newStr, options = {}) {
    let callback;
    if (typeof options === "function") {
      callback = options;
      options = {};
    } else if ("callback" in options) {
      callback = options.callback;
    }
    const oldString = this.castInput(oldStr, options);
    const newString = this.castInput(newStr, options);
    const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
    const newTokens = this.removeEmpty(this.tokenize(newString, options));
    return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
  }
  diffWithOptionsObj(oldTokens, newTokens, options, callback) {
    var _a;
    const done = (value) => {
      value = this.postProcess(value, options);
      if (callback) {
        setTimeout(function() {
          callback(value);
        }, 0);
        return void 0;
      } else {
        return value;
      }
    };
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let editLength = 1;
    let maxEditLength = newLen + oldLen;
    if (options.maxEditLength != null) {
      maxEditLength = Math.min(maxEditLength, options.maxEditLength);
    }
    const maxExecutionTime = (_a = options.timeout) !== null && _a !== void 0 ? _a : Infinity;
    const abortAfterTimestamp = Date.now() + maxExecutionTime;
    const bestPath = [{ oldPos: -1, lastComponent: void 0 }];
    let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
    if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
      return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
    }
    let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
    const execEditLength = () => {
      for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
        let basePath;
        const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
        if (removePath) {
          bestPath[diagonalPath - 1] = void 0;
        }
        let canAdd = false;
        if (addPath) {
          const addPathNewPos = addPath.oldPos - diagonalPath;
          canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
        }
        const canRemove = removePath && removePath.oldPos + 1 < oldLen;
        if (!canAdd && !canRemove) {
          bestPath[diagonalPath] = void 0;
          continue;
        }
        if (!canRemove || canAdd && removePath.oldPos < addPath.oldPos) {
          basePath = this.addToPath(addPath, true, false, 0, options);
        } else {
          basePath = this.addToPath(removePath, false, true, 1, options);
        }
        newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
        if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
          return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
        } else {
          bestPath[diagonalPath] = basePath;
          if (basePath.oldPos + 1 >= oldLen) {
            maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
          }
          if (newPos + 1 >= newLen) {
            minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
          }
        }
      }
      editLength++;
    };
    if (callback) {
      (function exec() {
        setTimeout(function() {
          if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
            return callback(void 0);
          }
          if (!execEditLength()) {
            exec();
          }
        }, 0);
      })();
    } else {
      while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
        const ret = execEditLength();
        if (ret) {
          return ret;
        }
      }
    }
  }
  addToPath(path, added, removed, oldPosInc, options) {
    const last = path.lastComponent;
    if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
      return {
        oldPos: path.oldPos + oldPosInc,
        lastComponent: { count: last.count + 1, added, removed, previousComponent: last.previousComponent }
      };
    } else {
      return {
        oldPos: path.oldPos + oldPosInc,
        lastComponent: { count: 1, added, removed, previousComponent: last }
      };
    }
  }
  extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
      newPos++;
      oldPos++;
      commonCount++;
      if (options.oneChangePerToken) {
        basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
      }
    }
    if (commonCount && !options.oneChangePerToken) {
      basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
    }
    basePath.oldPos = oldPos;
    return newPos;
  }
  equals(left, right, options) {
    if (options.comparator) {
      return options.comparator(left, right);
    } else {
      return left === right || !!options.ignoreCase && left.toLowerCase() === right.toLowerCase();
    }
  }
  removeEmpty(array) {
    const ret = [];
    for (let i = 0; i < array.length; i++) {
      if (array[i]) {
        ret.push(array[i]);
      }
    }
    return ret;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  castInput(value, options) {
    return value;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  tokenize(value, options) {
    return Array.from(value);
  }
  join(chars) {
    return chars.join("");
  }
  postProcess(changeObjects, options) {
    return changeObjects;
  }
  get useLongestToken() {
    return false;
  }
  buildValues(lastComponent, newTokens, oldTokens) {
    const components = [];
    let nextComponent;
    while (lastComponent) {
      components.push(lastComponent);
      nextComponent = lastComponent.previousComponent;
      delete lastComponent.previousComponent;
      lastComponent = nextComponent;
    }
    components.reverse();
    const componentLen = components.length;
    let componentPos = 0, newPos = 0, oldPos = 0;
    for (; componentPos < componentLen; componentPos++) {
      const component = components[componentPos];
      if (!component.removed) {
        if (!component.added && this.useLongestToken) {
          let value = newTokens.slice(newPos, newPos + component.count);
          value = value.map(function(value2, i) {
            const oldValue = oldTokens[oldPos + i];
            return oldValue.length > value2.length ? oldValue : value2;
          });
          component.value = this.join(value);
        } else {
          component.value = this.join(newTokens.slice(newPos, newPos + component.count));
        }
        newPos += component.count;
        if (!component.added) {
          oldPos += component.count;
        }
      } else {
        component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
        oldPos += component.count;
      }
    }
    return components;
  }
};

// node_modules/diff/libesm/diff/line.js
var LineDiff = class extends Diff {
  constructor() {
    super(...arguments);
    this.tokenize = tokenize;
  }
  equals(left, right, options) {
    if (options.ignoreWhitespace) {
      if (!options.newlineIsToken || !left.includes("\n")) {
        left = left.trim();
      }
      if (!options.newlineIsToken || !right.includes("\n")) {
        right = right.trim();
      }
    } else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
      if (left.endsWith("\n")) {
        left = left.slice(0, -1);
      }
      if (right.endsWith("\n")) {
        right = right.slice(0, -1);
      }
    }
    return super.equals(left, right, options);
  }
};
var lineDiff = new LineDiff();
function diffLines(oldStr, newStr, options) {
  return lineDiff.diff(oldStr, newStr, options);
}
function tokenize(value, options) {
  if (options.stripTrailingCr) {
    value = value.replace(/\r\n/g, "\n");
  }
  const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
  if (!linesAndNewlines[linesAndNewlines.length - 1]) {
    linesAndNewlines.pop();
  }
  for (let i = 0; i < linesAndNewlines.length; i++) {
    const line = linesAndNewlines[i];
    if (i % 2 && !options.newlineIsToken) {
      retLines[retLines.length - 1] += line;
    } else {
      retLines.push(line);
    }
  }
  return retLines;
}

// node_modules/diff/libesm/patch/parse.js
function parsePatch(uniDiff) {
  const diffstr = uniDiff.split(/\n/), list = [];
  let i = 0;
  function isGitDiffHeader(line) {
    return /^diff --git /.test(line);
  }
  function isDiffHeader(line) {
    return isGitDiffHeader(line) || /^Index:\s/.test(line) || /^diff(?: -r \w+)+\s/.test(line);
  }
  function isFileHeader(line) {
    return /^(---|\+\+\+)\s/.test(line);
  }
  function isHunkHeader(line) {
    return /^@@\s/.test(line);
  }
  function parseIndex() {
    var _a;
    const index = {};
    index.hunks = [];
    list.push(index);
    let seenDiffHeader = false;
    while (i < diffstr.length) {
      const line = diffstr[i];
      if (isFileHeader(line) || isHunkHeader(line)) {
        break;
      }
      if (isGitDiffHeader(line)) {
        if (seenDiffHeader) {
          return;
        }
        seenDiffHeader = true;
        index.isGit = true;
        const paths = parseGitDiffHeader(line);
        if (paths) {
          index.oldFileName = paths.oldFileName;
          index.newFileName = paths.newFileName;
        }
        i++;
        while (i < diffstr.length) {
          const extLine = diffstr[i];
          if (isFileHeader(extLine) || isHunkHeader(extLine) || isDiffHeader(extLine)) {
            break;
          }
          const renameFromMatch = /^rename from (.*)/.exec(extLine);
          if (renameFromMatch) {
            index.oldFileName = "a/" + unquoteIfQuoted(renameFromMatch[1]);
            index.isRename = true;
          }
          const renameToMatch = /^rename to (.*)/.exec(extLine);
          if (renameToMatch) {
            index.newFileName = "b/" + unquoteIfQuoted(renameToMatch[1]);
            index.isRename = true;
          }
          const copyFromMatch = /^copy from (.*)/.exec(extLine);
          if (copyFromMatch) {
            index.oldFileName = "a/" + unquoteIfQuoted(copyFromMatch[1]);
            index.isCopy = true;
          }
          const copyToMatch = /^copy to (.*)/.exec(extLine);
          if (copyToMatch) {
            index.newFileName = "b/" + unquoteIfQuoted(copyToMatch[1]);
            index.isCopy = true;
          }
          const newFileModeMatch = /^new file mode (\d+)/.exec(extLine);
          if (newFileModeMatch) {
            index.isCreate = true;
            index.newMode = newFileModeMatch[1];
          }
          const deletedFileModeMatch = /^deleted file mode (\d+)/.exec(extLine);
          if (deletedFileModeMatch) {
            index.isDelete = true;
            index.oldMode = deletedFileModeMatch[1];
          }
          const oldModeMatch = /^old mode (\d+)/.exec(extLine);
          if (oldModeMatch) {
            index.oldMode = oldModeMatch[1];
          }
          const newModeMatch = /^new mode (\d+)/.exec(extLine);
          if (newModeMatch) {
            index.newMode = newModeMatch[1];
          }
          if (/^Binary files /.test(extLine)) {
            index.isBinary = true;
          }
          i++;
        }
        continue;
      } else if (isDiffHeader(line)) {
        if (seenDiffHeader) {
          return;
        }
        seenDiffHeader = true;
        const headerMatch = /^(?:Index:|diff(?: -r \w+)+)\s+/.exec(line);
        if (headerMatch) {
          index.index = line.substring(headerMatch[0].length).trim();
        }
      }
      i++;
    }
    parseFileHeader(index);
    parseFileHeader(index);
    if (index.oldFileName === void 0 !== (index.newFileName === void 0)) {
      throw new Error("Missing " + (index.oldFileName !== void 0 ? '"+++ ..."' : '"--- ..."') + " file header for " + ((_a = index.oldFileName) !== null && _a !== void 0 ? _a : index.newFileName));
    }
    while (i < diffstr.length) {
      const line = diffstr[i];
      if (isDiffHeader(line) || isFileHeader(line) || /^===================================================================/.test(line)) {
        break;
      } else if (isHunkHeader(line)) {
        index.hunks.push(parseHunk());
      } else {
        i++;
      }
    }
  }
  function parseGitDiffHeader(line) {
    const rest = line.substring("diff --git ".length);
    if (rest.startsWith('"')) {
      const oldPath = parseQuotedFileName(rest);
      if (oldPath === null) {
        return null;
      }
      const afterOld = rest.substring(oldPath.rawLength + 1);
      let newFileName;
      if (afterOld.startsWith('"')) {
        const newPath = parseQuotedFileName(afterOld);
        if (newPath === null) {
          return null;
        }
        newFileName = newPath.fileName;
      } else {
        newFileName = afterOld;
      }
      return {
        oldFileName: oldPath.fileName,
        newFileName
      };
    }
    const quoteIdx = rest.indexOf('"');
    if (quoteIdx > 0) {
      const oldFileName = rest.substring(0, quoteIdx - 1);
      const newPath = parseQuotedFileName(rest.substring(quoteIdx));
      if (newPath === null) {
        return null;
      }
      return {
        oldFileName,
        newFileName: newPath.fileName
      };
    }
    if (rest.startsWith("a/")) {
      const splits = [];
      let idx = 0;
      while (true) {
        idx = rest.indexOf(" b/", idx + 1);
        if (idx === -1) {
          break;
        }
        splits.push(idx);
      }
      if (splits.length > 0) {
        const mid = splits[Math.floor(splits.length / 2)];
        return {
          oldFileName: rest.substring(0, mid),
          newFileName: rest.substring(mid + 1)
        };
      }
    }
    return null;
  }
  function unquoteIfQuoted(s) {
    if (s.startsWith('"')) {
      const parsed = parseQuotedFileName(s);
      if (parsed) {
        return parsed.fileName;
      }
    }
    return s;
  }
  function parseQuotedFileName(s) {
    if (!s.startsWith('"')) {
      return null;
    }
    let result = "";
    let j = 1;
    while (j < s.length) {
      if (s[j] === '"') {
        return { fileName: result, rawLength: j + 1 };
      }
      if (s[j] === "\\" && j + 1 < s.length) {
        j++;
        switch (s[j]) {
          case "a":
            result += "\x07";
            break;
          case "b":
            result += "\b";
            break;
          case "f":
            result += "\f";
            break;
          case "n":
            result += "\n";
            break;
          case "r":
            result += "\r";
            break;
          case "t":
            result += "	";
            break;
          case "v":
            result += "\v";
            break;
          case "\\":
            result += "\\";
            break;
          case '"':
            result += '"';
            break;
          case "0":
          case "1":
          case "2":
          case "3":
          case "4":
          case "5":
          case "6":
          case "7": {
            if (j + 2 >= s.length || s[j + 1] < "0" || s[j + 1] > "7" || s[j + 2] < "0" || s[j + 2] > "7") {
              return null;
            }
            const bytes = [parseInt(s.substring(j, j + 3), 8)];
            j += 3;
            while (s[j] === "\\" && s[j + 1] >= "0" && s[j + 1] <= "7") {
              if (j + 3 >= s.length || s[j + 2] < "0" || s[j + 2] > "7" || s[j + 3] < "0" || s[j + 3] > "7") {
                return null;
              }
              bytes.push(parseInt(s.substring(j + 1, j + 4), 8));
              j += 4;
            }
            result += new TextDecoder("utf-8").decode(new Uint8Array(bytes));
            continue;
          }
          // Note that in C, there are also three kinds of hex escape sequences:
          // - \xhh
          // - \uhhhh
          // - \Uhhhhhhhh
          // We do not bother to parse them here because, so far as we know,
          // they are never emitted by any tools that generate unified diff
          // format diffs, and so for now jsdiff does not consider them legal.
          default:
            return null;
        }
      } else {
        result += s[j];
      }
      j++;
    }
    return null;
  }
  function parseFileHeader(index) {
    const fileHeaderMatch = /^(---|\+\+\+)\s+/.exec(diffstr[i]);
    if (fileHeaderMatch) {
      const prefix = fileHeaderMatch[1], data = diffstr[i].substring(3).trim().split("	", 2), header = (data[1] || "").trim();
      let fileName = data[0];
      if (fileName.startsWith('"')) {
        fileName = unquoteIfQuoted(fileName);
      } else {
        fileName = fileName.replace(/\\\\/g, "\\");
      }
      if (prefix === "---") {
        index.oldFileName = fileName;
        index.oldHeader = header;
      } else {
        index.newFileName = fileName;
        index.newHeader = header;
      }
      i++;
    }
  }
  function parseHunk() {
    var _a;
    const chunkHeaderIndex = i, chunkHeaderLine = diffstr[i++], chunkHeader = chunkHeaderLine.split(/@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/);
    const hunk = {
      oldStart: +chunkHeader[1],
      oldLines: typeof chunkHeader[2] === "undefined" ? 1 : +chunkHeader[2],
      newStart: +chunkHeader[3],
      newLines: typeof chunkHeader[4] === "undefined" ? 1 : +chunkHeader[4],
      lines: []
    };
    if (hunk.oldLines === 0) {
      hunk.oldStart += 1;
    }
    if (hunk.newLines === 0) {
      hunk.newStart += 1;
    }
    let addCount = 0, removeCount = 0;
    for (; i < diffstr.length && (removeCount < hunk.oldLines || addCount < hunk.newLines || ((_a = diffstr[i]) === null || _a === void 0 ? void 0 : _a.startsWith("\\"))); i++) {
      const operation = diffstr[i].length == 0 && i != diffstr.length - 1 ? " " : diffstr[i][0];
      if (operation === "+" || operation === "-" || operation === " " || operation === "\\") {
        hunk.lines.push(diffstr[i]);
        if (operation === "+") {
          addCount++;
        } else if (operation === "-") {
          removeCount++;
        } else if (operation === " ") {
          addCount++;
          removeCount++;
        }
      } else {
        throw new Error(`Hunk at line ${chunkHeaderIndex + 1} contained invalid line ${diffstr[i]}`);
      }
    }
    if (!addCount && hunk.newLines === 1) {
      hunk.newLines = 0;
    }
    if (!removeCount && hunk.oldLines === 1) {
      hunk.oldLines = 0;
    }
    if (addCount !== hunk.newLines) {
      throw new Error("Added line count did not match for hunk at line " + (chunkHeaderIndex + 1));
    }
    if (removeCount !== hunk.oldLines) {
      throw new Error("Removed line count did not match for hunk at line " + (chunkHeaderIndex + 1));
    }
    if (i < diffstr.length && diffstr[i] && /^[+ -]/.test(diffstr[i]) && !isFileHeader(diffstr[i])) {
      throw new Error("Hunk at line " + (chunkHeaderIndex + 1) + " has more lines than expected (expected " + hunk.oldLines + " old lines and " + hunk.newLines + " new lines)");
    }
    return hunk;
  }
  while (i < diffstr.length) {
    parseIndex();
  }
  return list;
}

// node_modules/diff/libesm/patch/create.js
function needsQuoting(s) {
  for (let i = 0; i < s.length; i++) {
    if (s[i] < " " || s[i] > "~" || s[i] === '"' || s[i] === "\\") {
      return true;
    }
  }
  return false;
}
function quoteFileNameIfNeeded(s) {
  if (!needsQuoting(s)) {
    return s;
  }
  let result = '"';
  const bytes = new TextEncoder().encode(s);
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b === 7) {
      result += "\\a";
    } else if (b === 8) {
      result += "\\b";
    } else if (b === 9) {
      result += "\\t";
    } else if (b === 10) {
      result += "\\n";
    } else if (b === 11) {
      result += "\\v";
    } else if (b === 12) {
      result += "\\f";
    } else if (b === 13) {
      result += "\\r";
    } else if (b === 34) {
      result += '\\"';
    } else if (b === 92) {
      result += "\\\\";
    } else if (b >= 32 && b <= 126) {
      result += String.fromCharCode(b);
    } else {
      result += "\\" + b.toString(8).padStart(3, "0");
    }
    i++;
  }
  result += '"';
  return result;
}
var INCLUDE_HEADERS = {
  includeIndex: true,
  includeUnderline: true,
  includeFileHeaders: true
};
var FILE_HEADERS_ONLY = {
  includeIndex: false,
  includeUnderline: false,
  includeFileHeaders: true
};
function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  let optionsObj;
  if (!options) {
    optionsObj = {};
  } else if (typeof options === "function") {
    optionsObj = { callback: options };
  } else {
    optionsObj = options;
  }
  if (typeof optionsObj.context === "undefined") {
    optionsObj.context = 4;
  }
  const context = optionsObj.context;
  if (optionsObj.newlineIsToken) {
    throw new Error("newlineIsToken may not be used with patch-generation functions, only with diffing functions");
  }
  if (!optionsObj.callback) {
    return diffLinesResultToPatch(diffLines(oldStr, newStr, optionsObj));
  } else {
    const { callback } = optionsObj;
    diffLines(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff) => {
      const patch = diffLinesResultToPatch(diff);
      callback(patch);
    } }));
  }
  function diffLinesResultToPatch(diff) {
    if (!diff) {
      return;
    }
    diff.push({ value: "", lines: [] });
    function contextLines(lines) {
      return lines.map(function(entry) {
        return " " + entry;
      });
    }
    const hunks = [];
    let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
    for (let i = 0; i < diff.length; i++) {
      const current = diff[i], lines = current.lines || splitLines(current.value);
      current.lines = lines;
      if (current.added || current.removed) {
        if (!oldRangeStart) {
          const prev = diff[i - 1];
          oldRangeStart = oldLine;
          newRangeStart = newLine;
          if (prev) {
            curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
            oldRangeStart -= curRange.length;
            newRangeStart -= curRange.length;
          }
        }
        for (const line of lines) {
          curRange.push((current.added ? "+" : "-") + line);
        }
        if (current.added) {
          newLine += lines.length;
        } else {
          oldLine += lines.length;
        }
      } else {
        if (oldRangeStart) {
          if (lines.length <= context * 2 && i < diff.length - 2) {
            for (const line of contextLines(lines)) {
              curRange.push(line);
            }
          } else {
            const contextSize = Math.min(lines.length, context);
            for (const line of contextLines(lines.slice(0, contextSize))) {
              curRange.push(line);
            }
            const hunk = {
              oldStart: oldRangeStart,
              oldLines: oldLine - oldRangeStart + contextSize,
              newStart: newRangeStart,
              newLines: newLine - newRangeStart + contextSize,
              lines: curRange
            };
            hunks.push(hunk);
            oldRangeStart = 0;
            newRangeStart = 0;
            curRange = [];
          }
        }
        oldLine += lines.length;
        newLine += lines.length;
      }
    }
    for (const hunk of hunks) {
      for (let i = 0; i < hunk.lines.length; i++) {
        if (hunk.lines[i].endsWith("\n")) {
          hunk.lines[i] = hunk.lines[i].slice(0, -1);
        } else {
          hunk.lines.splice(i + 1, 0, "\\ No newline at end of file");
          i++;
        }
      }
    }
    return {
      oldFileName,
      newFileName,
      oldHeader,
      newHeader,
      hunks
    };
  }
}
function formatPatch(patch, headerOptions) {
  var _a, _b, _c, _d, _e, _f;
  if (!headerOptions) {
    headerOptions = INCLUDE_HEADERS;
  }
  if (Array.isArray(patch)) {
    if (patch.length > 1 && !headerOptions.includeFileHeaders && !patch.every((p) => p.isGit)) {
      throw new Error("Cannot omit file headers on a multi-file patch. (The result would be unparseable; how would a tool trying to apply the patch know which changes are to which file?)");
    }
    return patch.map((p) => formatPatch(p, headerOptions)).join("\n");
  }
  const ret = [];
  if (patch.isGit) {
    headerOptions = INCLUDE_HEADERS;
    if (!patch.oldFileName) {
      throw new Error("oldFileName must be specified for Git patches");
    }
    if (!patch.newFileName) {
      throw new Error("newFileName must be specified for Git patches");
    }
    let gitOldName = patch.oldFileName;
    let gitNewName = patch.newFileName;
    if (patch.isCreate && gitOldName === "/dev/null") {
      gitOldName = gitNewName.replace(/^b\//, "a/");
    } else if (patch.isDelete && gitNewName === "/dev/null") {
      gitNewName = gitOldName.replace(/^a\//, "b/");
    }
    ret.push("diff --git " + quoteFileNameIfNeeded(gitOldName) + " " + quoteFileNameIfNeeded(gitNewName));
    if (patch.isDelete) {
      ret.push("deleted file mode " + ((_a = patch.oldMode) !== null && _a !== void 0 ? _a : "100644"));
    }
    if (patch.isCreate) {
      ret.push("new file mode " + ((_b = patch.newMode) !== null && _b !== void 0 ? _b : "100644"));
    }
    if (patch.oldMode && patch.newMode && !patch.isDelete && !patch.isCreate) {
      ret.push("old mode " + patch.oldMode);
      ret.push("new mode " + patch.newMode);
    }
    if (patch.isRename) {
      ret.push("rename from " + quoteFileNameIfNeeded(((_c = patch.oldFileName) !== null && _c !== void 0 ? _c : "").replace(/^a\//, "")));
      ret.push("rename to " + quoteFileNameIfNeeded(((_d = patch.newFileName) !== null && _d !== void 0 ? _d : "").replace(/^b\//, "")));
    }
    if (patch.isCopy) {
      ret.push("copy from " + quoteFileNameIfNeeded(((_e = patch.oldFileName) !== null && _e !== void 0 ? _e : "").replace(/^a\//, "")));
      ret.push("copy to " + quoteFileNameIfNeeded(((_f = patch.newFileName) !== null && _f !== void 0 ? _f : "").replace(/^b\//, "")));
    }
  } else {
    if (headerOptions.includeIndex && patch.oldFileName == patch.newFileName && patch.oldFileName !== void 0) {
      ret.push("Index: " + patch.oldFileName);
    }
    if (headerOptions.includeUnderline) {
      ret.push("===================================================================");
    }
  }
  const hasHunks = patch.hunks.length > 0;
  if (headerOptions.includeFileHeaders && patch.oldFileName !== void 0 && patch.newFileName !== void 0 && (!patch.isGit || hasHunks)) {
    ret.push("--- " + quoteFileNameIfNeeded(patch.oldFileName) + (patch.oldHeader ? "	" + patch.oldHeader : ""));
    ret.push("+++ " + quoteFileNameIfNeeded(patch.newFileName) + (patch.newHeader ? "	" + patch.newHeader : ""));
  }
  for (let i = 0; i < patch.hunks.length; i++) {
    const hunk = patch.hunks[i];
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    ret.push("@@ -" + oldStart + "," + hunk.oldLines + " +" + newStart + "," + hunk.newLines + " @@");
    for (const line of hunk.lines) {
      ret.push(line);
    }
  }
  return ret.join("\n") + "\n";
}
function createTwoFilesPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  if (typeof options === "function") {
    options = { callback: options };
  }
  if (!(options === null || options === void 0 ? void 0 : options.callback)) {
    const patchObj = structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options);
    if (!patchObj) {
      return;
    }
    return formatPatch(patchObj, options === null || options === void 0 ? void 0 : options.headerOptions);
  } else {
    const { callback } = options;
    structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, Object.assign(Object.assign({}, options), { callback: (patchObj) => {
      if (!patchObj) {
        callback(void 0);
      } else {
        callback(formatPatch(patchObj, options.headerOptions));
      }
    } }));
  }
}
function splitLines(text) {
  const hasTrailingNl = text.endsWith("\n");
  const result = text.split("\n").map((line) => line + "\n");
  if (hasTrailingNl) {
    result.pop();
  } else {
    result.push(result.pop().slice(0, -1));
  }
  return result;
}

// src/report/patch.ts
var PATCH_CONTEXT_LINES = 3;
function diffTexts(file, before, after) {
  if (before === after) return "";
  return createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, void 0, void 0, {
    context: PATCH_CONTEXT_LINES,
    headerOptions: FILE_HEADERS_ONLY
  });
}
function patchForEdits(file, text, edits) {
  if (edits.length === 0) return "";
  const margin = 2 * PATCH_CONTEXT_LINES + 1;
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const windows = [];
  for (const e of sorted) {
    let start = text.lastIndexOf("\n", e.range[0] - 1) + 1;
    for (let i = 0; i < margin && start > 0; i++) start = text.lastIndexOf("\n", start - 2) + 1;
    let end = e.range[1];
    for (let i = 0; i <= margin && end < text.length; i++) {
      const nl = text.indexOf("\n", end);
      end = nl < 0 ? text.length : nl + 1;
    }
    const last = windows[windows.length - 1];
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
      last.edits.push(e);
    } else windows.push({ start, end, edits: [e] });
  }
  let header = "";
  let body = "";
  let linesBefore = 0;
  let scanned = 0;
  let added = 0;
  for (const w of windows) {
    linesBefore += countNewlines(text, scanned, w.start);
    scanned = w.start;
    const before = text.slice(w.start, w.end);
    const after = applyEdits(
      before,
      w.edits.map((e) => ({ range: [e.range[0] - w.start, e.range[1] - w.start], text: e.text }))
    );
    const patch = diffTexts(file, before, after);
    if (patch === "") continue;
    const at = patch.indexOf("\n@@");
    header = patch.slice(0, at + 1);
    const oldOffset = linesBefore;
    const newOffset = linesBefore + added;
    body += patch.slice(at + 1).replace(
      /^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@/gm,
      (_m, a, b = "", c, d = "") => `@@ -${Number(a) + oldOffset}${b} +${Number(c) + newOffset}${d} @@`
    );
    added += countNewlines(after, 0, after.length) - countNewlines(before, 0, before.length);
  }
  return header + body;
}
function countNewlines(text, from, end) {
  let n = 0;
  for (let i = text.indexOf("\n", from); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
function patchForFixGroup(group, originalText) {
  if (!group.verified) return "";
  return patchForEdits(group.file, originalText, group.edits);
}
function patchForFile(file, originalText) {
  if (file.fixedText === void 0) return "";
  if (file.fixedEdits) return patchForEdits(file.path, originalText, file.fixedEdits);
  return diffTexts(file.path, originalText, file.fixedText);
}

// src/report/summary.ts
var SEVERITY_LABEL = { error: "Error", warning: "Warning", info: "Info" };
function summarize(result) {
  const active = activeFindings(result.findings);
  const bySeverity = (s) => active.filter((f) => f.severity === s).length;
  return {
    findings: active.length,
    suppressed: result.findings.length - active.length,
    errors: bySeverity("error"),
    warnings: bySeverity("warning"),
    info: bySeverity("info"),
    files: result.files.length,
    skippedFiles: result.files.filter((f) => f.skipped !== void 0).length,
    skippedDocuments: result.files.reduce((n, f) => n + f.skippedDocuments.length, 0),
    manifests: result.files.reduce((n, f) => n + f.manifests, 0),
    parseErrors: result.files.reduce((n, f) => n + f.problems.filter((p) => p.severity === "error").length, 0),
    parseWarnings: result.files.reduce((n, f) => n + f.problems.filter((p) => p.severity === "warning").length, 0),
    fixable: active.filter((f) => isFixable(f, result)).length,
    fixes: result.fixes.filter((g) => g.verified).length,
    guesses: active.filter((f) => f.suggestions.some((x) => x.kind === "guess")).length,
    behaviourChanges: active.filter((f) => f.suggestions.some((x) => x.kind === "behaviour")).length,
    fixableFiles: result.files.filter((f) => f.fixedText !== void 0).length
  };
}
function addSummaries(a, b) {
  const out = { ...a };
  for (const k of Object.keys(b)) out[k] = a[k] + b[k];
  return out;
}
function isFixable(finding, result) {
  return finding.fixId !== void 0 && verifiedFixIds(result).has(finding.fixId);
}
var verifiedIdsCache = /* @__PURE__ */ new WeakMap();
function verifiedFixIds(result) {
  const cached = verifiedIdsCache.get(result);
  if (cached && cached.fixes === result.fixes.length) return cached.ids;
  const ids = new Set(result.fixes.filter((g) => g.verified).map((g) => g.id));
  verifiedIdsCache.set(result, { fixes: result.fixes.length, ids });
  return ids;
}
function activeFindings(findings) {
  return findings.filter((f) => f.suppressed === void 0);
}
function findingsAtOrAbove(findings, level) {
  return findings.filter((f) => f.suppressed === void 0 && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[level]);
}
function nothingChecked(s) {
  return s.manifests === 0 && s.findings === 0 && s.suppressed === 0;
}
function nothingCheckedWarning(s) {
  const why = s.files === 0 ? "no file matched the paths and the include/exclude globs" : s.skippedFiles === s.files ? `${s.files === 1 ? "the 1 file found was" : `all ${s.files} files found were`} skipped` : `${s.files === 1 ? "the 1 file found holds" : `the ${s.files} files found hold`} no Kubernetes object${s.skippedFiles > 0 ? ` or were skipped` : ""}`;
  return `no Kubernetes manifest was checked: ${why}`;
}
function plural(n, singular, pluralForm = `${singular}s`) {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}
function summaryLine(s) {
  const suppressed = s.suppressed > 0 ? `; ${s.suppressed} suppressed by exemptions` : "";
  const guesses = s.guesses ?? 0;
  const behaviour = s.behaviourChanges ?? 0;
  const held = [...guesses > 0 ? [plural(guesses, "guess", "guesses")] : [], ...behaviour > 0 ? [plural(behaviour, "behaviour change")] : []];
  const suggested = held.length > 0 ? `, ${held.join(" and ")} suggested` : "";
  return `${plural(s.findings, "finding")} (${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}, ${s.info} info) in ${plural(s.files, "file")}; ${s.fixable} fixable${suggested}${suppressed}`;
}

// src/report/sarif.ts
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var INFORMATION_URI = "https://github.com/kube-immutable/kube-immutable";
var SARIF_LEVEL = { error: "error", warning: "warning", info: "note" };
var SECURITY_SEVERITY = { error: "8.0", warning: "5.0", info: "2.0" };
var SEVERITY_ORDER = { info: 1, warning: 2, error: 3 };
var POLICY_ERROR_ID = "policy-error";
function artifactUri(path) {
  return path.replace(/\\/g, "/").replace(/^(\.\/)+/, "").split("/").map((seg) => encodeURIComponent(seg)).join("/");
}
function ruleName(id) {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c) => c.toUpperCase());
}
function ruleOf(policy) {
  const m = policy.meta;
  const peers = m.peers ? Object.entries(m.peers).map(([tool, id]) => `${tool}: ${id}`).join(", ") : "";
  return {
    id: policy.id,
    name: ruleName(policy.id),
    shortDescription: { text: m.description },
    fullDescription: { text: `${m.description} ${m.remediation}` },
    help: {
      text: m.remediation,
      markdown: `**${m.description}**

${m.remediation}

${peers ? `Same check in other tools: ${peers}.

` : ""}${m.docsUrl !== void 0 ? `[Documentation](${m.docsUrl})` : ""}`
    },
    helpUri: m.docsUrl,
    defaultConfiguration: { level: SARIF_LEVEL[m.defaultSeverity] },
    properties: { tags: ["security", m.category, "kubernetes"], "security-severity": SECURITY_SEVERITY[m.defaultSeverity], precision: "high" }
  };
}
var POLICY_ERROR_RULE = {
  id: POLICY_ERROR_ID,
  name: "PolicyError",
  shortDescription: { text: "A policy failed while checking a file." },
  fullDescription: {
    text: "A policy threw an error on a file, so that file was not fully checked by it. This is a bug in the policy or an input it does not handle."
  },
  help: {
    text: "Report the message as a bug of kube-immutable; the other policies still ran on the file.",
    markdown: "**A policy failed while checking a file.**\n\nReport the message as a bug of kube-immutable; the other policies still ran on the file."
  },
  defaultConfiguration: { level: "error" },
  properties: { tags: ["reliability"] }
};
function formatSarif(result, policies, options) {
  return [...sarifChunks(result, policies, options)].join("");
}
function* sarifChunks(result, policies, options) {
  const { log, count, resultAt } = sarifParts(result, policies, options);
  const text = JSON.stringify(log, null, 2);
  const marker = '\n      "results": []';
  const at = text.indexOf(marker);
  yield `${text.slice(0, at)}
      "results": [`;
  for (let i = 0; i < count; i++) yield `${i > 0 ? "," : ""}
        ${JSON.stringify(resultAt(i), null, 2).replace(/\n/g, "\n        ")}`;
  yield `${count > 0 ? "\n      ]" : "]"}${text.slice(at + marker.length)}
`;
}
function toSarif(result, policies, options) {
  const { log, count, resultAt } = sarifParts(result, policies, options);
  for (let i = 0; i < count; i++) log.runs[0].results.push(resultAt(i));
  return log;
}
function sarifParts(result, policies, options) {
  const rules = policies.map(ruleOf);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const ruleIndexOf = (id) => {
    let i = index.get(id);
    if (i === void 0) {
      const rule = id === POLICY_ERROR_ID ? POLICY_ERROR_RULE : { ...POLICY_ERROR_RULE, id, name: ruleName(id), shortDescription: { text: id }, fullDescription: { text: id }, help: { text: id, markdown: id } };
      i = rules.push(rule) - 1;
      index.set(id, i);
    }
    return i;
  };
  for (const f of result.findings) ruleIndexOf(f.policyId);
  const groups = new Map(result.fixes.map((g) => [g.id, g]));
  const requested = /* @__PURE__ */ new Map();
  for (const e of result.exemptions ?? []) {
    if (e.honoured) continue;
    const status = e.refusals.every((x) => x === "notAtBase") ? "underReview" : "rejected";
    const s2 = { kind: "inSource", status, justification: `${e.reason} (annotation ${e.key} at ${e.file}:${e.line}: not honoured: ${e.why})` };
    for (const fp of e.fingerprints) requested.set(fp, [...requested.get(fp) ?? [], s2]);
  }
  const holder = /* @__PURE__ */ new Map();
  result.findings.forEach((f, i) => {
    const g = f.fixId !== void 0 ? groups.get(f.fixId) : void 0;
    if (!g?.verified || g.edits.length === 0) return;
    const at = holder.get(g.id);
    if (at === void 0 || SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[result.findings[at].severity]) holder.set(g.id, i);
  });
  const resultAt = (i) => {
    const f = result.findings[i];
    const r = {
      ruleId: f.policyId,
      ruleIndex: ruleIndexOf(f.policyId),
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(f.file) }, region: regionOf(f) } }],
      partialFingerprints: { primaryLocationLineHash: f.fingerprint }
    };
    if (f.origin)
      r.relatedLocations = [
        {
          id: 0,
          physicalLocation: { artifactLocation: { uri: artifactUri(f.origin.file) }, region: regionOf({ ...f, range: f.origin.range }) },
          message: { text: "rendered from here" }
        }
      ];
    if (f.suppressed)
      r.suppressions = [{ kind: f.suppressed.kind, status: "accepted", justification: `${f.suppressed.justification} (${f.suppressed.source})` }];
    else if (requested.has(f.fingerprint)) r.suppressions = requested.get(f.fingerprint);
    const at = f.fixId !== void 0 ? holder.get(f.fixId) : void 0;
    if (at === i) {
      r.fixes = [fixOf(groups.get(f.fixId))];
      r.properties = { fixId: f.fixId };
    } else if (at !== void 0) r.properties = { fixId: f.fixId, fixInResult: at };
    const kinds = [...new Set(f.suggestions.flatMap((x) => x.kind ? [x.kind] : []))];
    if (kinds.length > 0) r.properties = { ...r.properties, suggestionKinds: kinds };
    return r;
  };
  const notifications = result.files.filter((f) => f.skipped !== void 0).map((f) => ({
    level: "note",
    message: { text: `${f.path}: skipped: ${f.skipped}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(f.path) } } }]
  }));
  const s = summarize(result);
  if (nothingChecked(s)) notifications.push({ level: "warning", message: { text: nothingCheckedWarning(s) } });
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: { name: "kube-immutable", version: options.toolVersion, semanticVersion: options.toolVersion, informationUri: INFORMATION_URI, rules }
        },
        columnKind: "utf16CodeUnits",
        results: [],
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }]
      }
    ]
  };
  return { log, count: result.findings.length, resultAt };
}
function regionOf(f) {
  const { start, end } = f.range;
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}
function fixOf(g) {
  const target = fixGroupLabel(g);
  return {
    description: { text: `kube-immutable fix for ${target}` },
    artifactChanges: [
      {
        artifactLocation: { uri: artifactUri(g.file) },
        replacements: [...g.edits].sort((a, b) => a.range[0] - b.range[0]).map((e) => ({ deletedRegion: { charOffset: e.range[0], charLength: e.range[1] - e.range[0] }, insertedContent: { text: e.text } }))
      }
    ]
  };
}

// src/report/markdown.ts
var ZWSP = "\u200B";
function neutraliseAutolinks(text) {
  return text.replace(/@(?=[\p{L}\p{N}_-])/gu, `@${ZWSP}`).replace(/#(?=\d)/g, `#${ZWSP}`).replace(/(?<![\p{L}\p{N}])(GH)-(?=\d)/giu, `$1${ZWSP}-`).replace(/:\/\//g, `:${ZWSP}//`).replace(/(?<![\p{L}\p{N}])(www)\./giu, `$1${ZWSP}.`);
}
function oneLine(text) {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, " ");
}
var INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
function showInvisible(text) {
  return text.replace(INVISIBLE, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}>`);
}
var ASCII_PUNCTUATION = new Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".split(""));
var ALWAYS = new Set("`*[]|~$".split(""));
var WORDISH = /^[\p{L}\p{N}\p{M}]$/u;
function escapeMarkdown(text) {
  const chars = Array.from(
    neutraliseAutolinks(showInvisible(oneLine(text))).replace(/^[ \t]+/, "").replace(/[ \t]+$/, "")
  );
  const n = chars.length;
  const escape = new Array(n).fill(false);
  const isBlank = (i) => chars[i] === " " || chars[i] === "	";
  const endOrBlank = (i) => i >= n || isBlank(i);
  const wordish = (i) => i >= 0 && i < n && WORDISH.test(chars[i]);
  for (let i = 0; i < n; i++) {
    const c = chars[i];
    if (ALWAYS.has(c)) escape[i] = true;
    else if (c === "<") escape[i] = !(i + 1 < n && isBlank(i + 1));
    else if (c === "&") escape[i] = i + 1 === n || /^[#A-Za-z]$/.test(chars[i + 1]);
    else if (c === "_") {
      let j = i;
      while (j < n && chars[j] === "_") j++;
      const intraword = wordish(i - 1) && wordish(j);
      for (let k = i; k < j; k++) escape[k] = !intraword;
      i = j - 1;
    }
  }
  const s = chars.join("");
  const first = chars[0];
  if (first === ">") escape[0] = true;
  else if (first === "#" && endOrBlank(/^#+/.exec(s)[0].length)) escape[0] = true;
  else if ((first === "-" || first === "+") && endOrBlank(1)) escape[0] = true;
  else if (/^[-: \t]+$/.test(s) && s.includes("-") || /^=+$/.test(s)) escape[0] = true;
  const ordered = /^\d{1,9}[.)]/.exec(s);
  if (ordered && endOrBlank(ordered[0].length)) escape[ordered[0].length - 1] = true;
  const closing = /[ \t](#+)$/.exec(s);
  if (closing) escape[n - closing[1].length] = true;
  for (let i = n - 1; i >= 0; i--) {
    if (chars[i] === "\\") escape[i] = i + 1 === n || escape[i + 1] || ASCII_PUNCTUATION.has(chars[i + 1]);
  }
  let out = "";
  for (let i = 0; i < n; i++) out += escape[i] ? `\\${chars[i]}` : chars[i];
  return out;
}
function escapeHtml(text) {
  return neutraliseAutolinks(showInvisible(oneLine(text))).replace(/[&<]/g, (c) => c === "&" ? "&amp;" : "&lt;");
}
function longestBacktickRun(text) {
  let max = 0;
  for (const m of text.matchAll(/`+/g)) max = Math.max(max, m[0].length);
  return max;
}
function inlineCode(text, inTable = false) {
  let body = showInvisible(oneLine(text));
  if (inTable) body = body.replace(/\|/g, "\\|");
  const ticks = "`".repeat(longestBacktickRun(body) + 1);
  return `${ticks} ${body} ${ticks}`;
}
function fence(content, info = "") {
  if (/[\s`]/.test(info)) throw new TypeError(`fence: info must be one word without backticks, got ${JSON.stringify(info)}`);
  const ticks = "`".repeat(Math.max(3, longestBacktickRun(content) + 1));
  return `${ticks}${info}
${content}
${ticks}`;
}
var MARKER_PREFIX = "<!-- kube-immutable:";
var MARKER_RE = /(?:^|\n)<!-- kube-immutable:([^>\r\n]*?) -->[ \t\r\n]*$/;
function fingerprintMarker(m) {
  const fps = typeof m.fingerprint === "string" ? [m.fingerprint] : [...m.fingerprint];
  const parts = [`fp=${fps.map(encodeURIComponent).join(",")}`];
  if (m.fixId !== void 0) parts.push(`fix=${encodeURIComponent(m.fixId)}`);
  if (m.line !== void 0) parts.push(`line=${Math.trunc(m.line)}`);
  return `${MARKER_PREFIX}${parts.join(";")} -->`;
}
function parseMarker(body) {
  const m = MARKER_RE.exec(body);
  if (!m) return void 0;
  const out = { fingerprints: [] };
  try {
    for (const part of m[1].split(";")) {
      const eq = part.indexOf("=");
      if (eq < 0) continue;
      const key = part.slice(0, eq);
      const value = part.slice(eq + 1);
      if (key === "fp") out.fingerprints = value === "" ? [] : value.split(",").map(decodeURIComponent);
      else if (key === "fix") out.fixId = decodeURIComponent(value);
      else if (key === "line" && /^\d+$/.test(value)) out.line = Number(value);
    }
  } catch {
    return void 0;
  }
  return out.fingerprints.length > 0 ? out : void 0;
}
function safeUrl(url) {
  if (!/^https?:\/\/[^\s\u0000-\u001f\u007f]+$/i.test(url)) return void 0;
  return url.replace(/[()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function blobUrl(repoUrl, sha, path, line) {
  const base = `${repoUrl.replace(/\/+$/, "")}/blob/${encodeURIComponent(sha)}/${artifactUri(path)}`;
  const url = line !== void 0 ? `${base}#L${line}` : base;
  return safeUrl(url) ?? url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0").toUpperCase()}`);
}
function link(text, url) {
  const u = safeUrl(url);
  return u === void 0 ? escapeMarkdown(text) : `[${escapeMarkdown(text)}](${u})`;
}

// src/report/budget.ts
function sizeOf(text, unit) {
  return unit === "chars" ? text.length : Buffer.byteLength(text, "utf8");
}
var TextBudget = class {
  constructor(limit, unit, reserve = 0) {
    this.limit = limit;
    this.unit = unit;
    this.reserve = reserve;
  }
  limit;
  unit;
  reserve;
  parts = [];
  used = 0;
  full = false;
  /** Blocks refused because they did not fit. */
  dropped = 0;
  /** Add `block` if it fits (and no earlier block was refused); returns whether it was added. */
  add(block) {
    const size = sizeOf(block, this.unit);
    if (this.full || this.used + size > this.limit - this.reserve) {
      this.full = true;
      this.dropped++;
      return false;
    }
    this.parts.push(block);
    this.used += size;
    return true;
  }
  /** Add `block` even past the reserve (closing notes); it must still fit in `limit`. */
  addFinal(block) {
    const size = sizeOf(block, this.unit);
    if (this.used + size > this.limit) return false;
    this.parts.push(block);
    this.used += size;
    return true;
  }
  /** Refuse every later {@link add} (as if a block had not fit). */
  stop() {
    this.full = true;
  }
  /** True once a block was refused. */
  get truncated() {
    return this.full;
  }
  /** The size used so far, in the budget's unit. */
  get size() {
    return this.used;
  }
  /** The blocks added, concatenated. */
  toString() {
    return this.parts.join("");
  }
};

// src/report/exemption-requests.ts
var EXEMPTION_SECTION_TITLE = "Exemptions this pull request requests or changes";
var REFUSED_SECTION_TITLE = "Exemption annotations not honoured";
function exemptionRecordId(r) {
  const o = r.object;
  return `ex-${fingerprintOf([r.file, o.kind, o.namespace, o.name, r.on, r.key, r.policy, r.containers?.join(","), r.reason, r.expires, r.honoured ? "honoured" : r.refusals.join(",")])}`;
}
var CELL_LIMIT = 300;
var clip = (text) => text.length > CELL_LIMIT ? `${text.slice(0, CELL_LIMIT - 1)}\u2026` : text;
function exemptionObjectLabel(r) {
  const o = `${r.object.kind}/${r.object.namespace ? `${r.object.namespace}/` : ""}${r.object.name || "(unnamed)"}`;
  return r.on === "podTemplate" ? `the pod template of ${o}` : o;
}
function exemptionStatus(r) {
  const n = plural(r.fingerprints.length, "finding");
  if (!r.honoured) return `not honoured \u2014 ${r.why}; ${n} still ${r.fingerprints.length === 1 ? "counts" : "count"}`;
  return `honoured (${r.atBase === false ? "new or changed in this change" : "at the base commit"}); suppresses ${n}`;
}
function exemptionSection(result, opts) {
  const records = result.exemptions ?? [];
  if (records.length === 0) return "";
  const refused = records.filter((r) => !r.honoured).length;
  const note = (left2) => `_Note: ${plural(left2, "more exemption")} not listed here (size limit); see ${opts.elsewhere ?? "the JSON and SARIF outputs"}._

`;
  const budget = new TextBudget(opts.limit, opts.unit, note(records.length).length + 8);
  const intro = `${opts.heading ?? "###"} ${records.some((r) => r.atBase === false) ? EXEMPTION_SECTION_TITLE : REFUSED_SECTION_TITLE}

${plural(records.length, "exemption annotation")}${refused > 0 ? `, ${refused} not honoured (${refused === 1 ? "its findings count" : "their findings count"} for fail-level)` : ""}. Each row says whether it applies and why; under base-only a reviewer grants one by merging it (then it is at the base commit of later pull requests).

| Object | Policy | Containers | Reason | Expires | Status | Location |
| --- | --- | --- | --- | --- | --- | --- |
`;
  if (!budget.add(intro)) return "";
  let left = records.length;
  for (const r of records) {
    const cells = [
      escapeMarkdown(clip(exemptionObjectLabel(r))),
      inlineCode(r.policy === "*" ? "all" : r.policy, true),
      r.containers ? escapeMarkdown(clip(r.containers.join(", "))) : "all",
      r.reason ? escapeMarkdown(clip(r.reason)) : "_(no reason given)_",
      r.expires ? escapeMarkdown(r.expires) : "\u2014",
      `${r.honoured ? "" : "**"}${escapeMarkdown(clip(exemptionStatus(r)))}${r.honoured ? "" : "**"}`,
      link(`${r.file}:${r.line}`, blobUrl(opts.repoUrl, opts.headSha, r.file, r.line))
    ];
    if (!budget.add(`| ${cells.join(" | ")} |
`)) break;
    left--;
  }
  budget.addFinal("\n");
  if (left > 0) budget.addFinal(note(left));
  return budget.toString();
}

// src/report/github.ts
var GITHUB_COMMAND = { error: "error", warning: "warning", info: "notice" };
function escapeData(s) {
  if (!/[%\r\n]/.test(s)) return s;
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  if (!/[%\r\n:,]/.test(s)) return s;
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function workflowCommand(command, properties, message) {
  const props = Object.entries(properties).filter(([, v]) => v !== void 0).map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
  return `::${command}${props ? " " + props : ""}::${escapeData(message)}`;
}
function findingCommand(f) {
  const { start, end } = f.range;
  const oneLine2 = start.line === end.line;
  return workflowCommand(
    GITHUB_COMMAND[f.severity],
    {
      file: safeText(f.file, { keepLineBreaks: true }),
      line: start.line,
      col: oneLine2 ? start.column : void 0,
      endLine: end.line,
      endColumn: oneLine2 ? end.column : void 0,
      title: f.policyId
    },
    safeText(f.message, { keepLineBreaks: true })
  );
}
function formatGithub(result) {
  const writer = githubReportWriter();
  return writer.add(result) + writer.finish();
}
function githubReportWriter() {
  const notices = [];
  let summary;
  return {
    add(part) {
      let out = "";
      for (const f of part.findings) if (!f.suppressed) out += findingCommand(f) + "\n";
      for (const f of part.files) {
        if (f.skipped !== void 0)
          notices.push(
            workflowCommand(
              "notice",
              { file: safeText(f.path, { keepLineBreaks: true }), title: "kube-immutable: file skipped" },
              safeText(f.skipped, { keepLineBreaks: true })
            )
          );
      }
      const s = summarize(part);
      summary = summary ? addSummaries(summary, s) : s;
      return out;
    },
    finish() {
      const s = this.summary;
      const lines = [
        ...notices,
        ...nothingChecked(s) ? [workflowCommand("warning", { title: "kube-immutable" }, nothingCheckedWarning(s))] : [],
        summaryLine(s)
      ];
      return lines.join("\n") + "\n";
    },
    get summary() {
      return summary ?? summarize({ files: [], findings: [], fixes: [] });
    }
  };
}

// src/report/annotations.ts
var DEFAULT_ANNOTATION_LIMITS = { error: 10, warning: 10, notice: 10, total: 50 };
function planAnnotations(findings, limits = DEFAULT_ANNOTATION_LIMITS, first) {
  const rank = (f) => first && first(f) ? 1 : 0;
  const sorted = findings.filter((f) => !f.suppressed).sort(
    (a, b) => rank(b) - rank(a) || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line
  );
  const used = { error: 0, warning: 0, notice: 0 };
  const annotations = [];
  const annotated = [];
  let dropped = 0;
  for (const f of sorted) {
    const level = GITHUB_COMMAND[f.severity];
    if (used[level] >= limits[level] || annotations.length >= limits.total) {
      dropped++;
      continue;
    }
    used[level]++;
    const { start, end } = f.range;
    const properties = { title: f.policyId, file: safeText(f.file, { keepLineBreaks: true }), startLine: start.line, endLine: end.line };
    if (start.line === end.line) Object.assign(properties, { startColumn: start.column, endColumn: end.column });
    annotations.push({ level, message: safeText(f.message, { keepLineBreaks: true }), properties });
    annotated.push(f);
  }
  return { annotations, dropped, annotated };
}

// src/report/job-summary.ts
var MAX_JOB_SUMMARY_BYTES = 1024 * 1024;
var MAX_NOTES = 20;
var MAX_NOTE_CHARS = 2e3;
var CLOSING_RESERVE = 4096;
var MAX_SKIPPED_LISTED = 100;
var SEVERITIES = ["error", "warning", "info"];
function jobSummary(result, options) {
  return jobSummaryReport(result, options).text;
}
function jobSummaryReport(result, options) {
  const s = summarize(result);
  const limit = options.maxBytes ?? MAX_JOB_SUMMARY_BYTES;
  const budget = new TextBudget(limit, "bytes", Math.min(CLOSING_RESERVE, limit / 4));
  let notes = "";
  for (const n of (options.notes ?? []).slice(0, MAX_NOTES)) {
    const line = `> ${(n.length > MAX_NOTE_CHARS ? `${n.slice(0, MAX_NOTE_CHARS - 1)}\u2026` : n).replace(/\r\n|[\r\n\u2028\u2029]/g, " ")}
`;
    if (sizeOf(notes + line, "bytes") + 1 > limit / 4) break;
    notes += line;
  }
  if (notes !== "") budget.add(notes + "\n");
  budget.add(`## ${escapeMarkdown(options.title ?? "kube-immutable")}

${summaryLine(s)}.

`);
  if (result.findings.length > 0) {
    const ids = [.../* @__PURE__ */ new Set([...options.policies.map((p) => p.id), ...result.findings.map((f) => f.policyId)])];
    const docs = new Map(options.policies.map((p) => [p.id, p.meta.docsUrl]));
    const rows = ids.map((id) => ({ id, n: SEVERITIES.map((sev) => result.findings.filter((f) => f.policyId === id && f.severity === sev).length) })).filter((r) => r.n.some((x) => x > 0)).map((r) => {
      const url = docs.get(r.id);
      const name = url !== void 0 ? link(r.id, url) : escapeMarkdown(r.id);
      return `| ${name} | ${r.n.join(" | ")} | ${r.n.reduce((a, b) => a + b, 0)} |
`;
    });
    budget.add(
      `### Findings per policy

| Policy | Errors | Warnings | Info | Total |
| --- | ---: | ---: | ---: | ---: |
${rows.join("")}| **Total** | ${s.errors} | ${s.warnings} | ${s.info} | ${s.findings} |

`
    );
  }
  const skipped = result.files.filter((f) => f.skipped !== void 0);
  if (skipped.length > 0) {
    const shown = skipped.slice(0, MAX_SKIPPED_LISTED);
    const more = skipped.length - shown.length;
    budget.add(
      `### Skipped files

${shown.map((f) => `- ${escapeMarkdown(f.path)}: ${escapeMarkdown(f.skipped)}
`).join("")}${more > 0 ? `- and ${plural(more, "more file")} (\`kube-immutable scan\` lists them all)
` : ""}
`
    );
  }
  const exemptions = exemptionSection(result, {
    repoUrl: options.repoUrl,
    headSha: options.headSha,
    limit: Math.min(64 * 1024, limit / 4),
    unit: "bytes",
    elsewhere: "the JSON and SARIF outputs"
  });
  if (exemptions) budget.add(exemptions);
  const findings = [...result.findings].sort(
    (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line
  );
  const listed = /* @__PURE__ */ new Set();
  const tableHead = "### Findings\n\n| Severity | Policy | Message | Location |\n| --- | --- | --- | --- |\n";
  if (findings.length > 0 && budget.add(tableHead)) {
    const row = (f) => {
      const where = link(`${f.file}:${f.range.start.line}`, blobUrl(options.repoUrl, options.headSha, f.file, f.range.start.line));
      const severity = f.suppressed ? `~~${SEVERITY_LABEL[f.severity]}~~ suppressed` : SEVERITY_LABEL[f.severity];
      const message = f.suppressed ? `${escapeMarkdown(f.message)}<br>_Exempted by ${escapeMarkdown(f.suppressed.source)}: ${escapeMarkdown(f.suppressed.justification || "(no reason given)")}_` : escapeMarkdown(f.message);
      return `| ${severity} | ${inlineCode(f.policyId, true)} | ${message} | ${where} |
`;
    };
    const rows = /* @__PURE__ */ new Map();
    let room = limit - budget.reserve - budget.size - 1;
    const first = options.first;
    const groups = first ? [findings.filter((f) => first.has(f.fingerprint)), findings.filter((f) => !first.has(f.fingerprint))] : [findings];
    for (const group of groups) {
      for (const f of group) {
        const text = row(f);
        const size = sizeOf(text, "bytes");
        if (size > room) break;
        room -= size;
        rows.set(f, text);
      }
    }
    for (const f of findings) {
      const text = rows.get(f);
      if (text !== void 0 && budget.add(text)) listed.add(f);
    }
    budget.add("\n");
  }
  const omitted = findings.filter((f) => !listed.has(f));
  const fixes = result.fixes.filter((g) => g.verified && g.edits.length > 0);
  let fixesLeft = fixes.length;
  if (fixes.length > 0 && options.originals && budget.add("### Fixes\n\n")) {
    for (const g of fixes) {
      const text = options.originals.get(g.file);
      let patch = "";
      try {
        if (text !== void 0) patch = patchForFixGroup(g, text);
      } catch {
        patch = "";
      }
      if (patch === "") {
        fixesLeft--;
        continue;
      }
      const what = fixGroupLabel(g);
      const summary = `${escapeHtml(g.file)}: fix for ${escapeHtml(what)} (${plural(g.findings.length, "finding")})`;
      if (!budget.add(`<details><summary>${summary}</summary>

${fence(patch.replace(/\n$/, ""), "diff")}

</details>

`)) break;
      fixesLeft--;
    }
  }
  const closing = [];
  if (options.closingNotes) closing.push(...options.closingNotes(listed, omitted));
  else {
    if (omitted.length > 0)
      closing.push(`${plural(omitted.length, "more finding")} not listed here: the job summary is limited to ${limit.toLocaleString("en-US")} bytes.`);
    if (options.notAnnotated !== void 0 && options.notAnnotated > 0)
      closing.push(
        `${plural(options.notAnnotated, "finding")} ${options.notAnnotated === 1 ? "was" : "were"} not annotated (GitHub shows at most 10 annotations of each level per step and 50 per job).`
      );
  }
  if (fixesLeft > 0 && options.originals)
    closing.push(
      `${plural(fixesLeft, "more fix", "more fixes")} not shown here: the job summary is limited to ${limit.toLocaleString("en-US")} bytes. The patch-file input writes every fix to one file.`
    );
  for (const n of closing) budget.addFinal(`_Note: ${n}_

`);
  return { text: budget.toString(), listed };
}

export {
  parsePatch,
  structuredPatch,
  PATCH_CONTEXT_LINES,
  diffTexts,
  patchForEdits,
  patchForFixGroup,
  patchForFile,
  SEVERITY_LABEL,
  summarize,
  isFixable,
  findingsAtOrAbove,
  nothingChecked,
  nothingCheckedWarning,
  plural,
  summaryLine,
  SARIF_LEVEL,
  SECURITY_SEVERITY,
  artifactUri,
  ruleOf,
  formatSarif,
  sarifChunks,
  toSarif,
  escapeMarkdown,
  escapeHtml,
  longestBacktickRun,
  inlineCode,
  fence,
  fingerprintMarker,
  parseMarker,
  safeUrl,
  blobUrl,
  link,
  sizeOf,
  TextBudget,
  EXEMPTION_SECTION_TITLE,
  exemptionRecordId,
  exemptionObjectLabel,
  exemptionStatus,
  exemptionSection,
  escapeData,
  escapeProperty,
  workflowCommand,
  findingCommand,
  formatGithub,
  githubReportWriter,
  DEFAULT_ANNOTATION_LIMITS,
  planAnnotations,
  MAX_JOB_SUMMARY_BYTES,
  MAX_NOTES,
  MAX_NOTE_CHARS,
  MAX_SKIPPED_LISTED,
  jobSummary,
  jobSummaryReport
};
