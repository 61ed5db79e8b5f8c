import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  loadRunSettings
} from "./chunk-6NFZBB4S.js";
import {
  error,
  notice,
  slotsLeft,
  warning as warning2
} from "./chunk-P2WBUBEO.js";
import {
  gitBlob,
  gitChanges,
  gitCommitOf,
  gitHead,
  gitShow,
  gitTopLevel,
  gitTreeEntries,
  hasCommit
} from "./chunk-Q3QGX5ZW.js";
import {
  firstLinkOnTheWay,
  resolveInside
} from "./chunk-SFQXZAG2.js";
import {
  RENDER_ROOT_GLOBS,
  isRenderRootFile
} from "./chunk-UH6I2W3D.js";
import {
  info,
  setOutput,
  warning
} from "./chunk-IUBWPHFZ.js";
import {
  Octokit,
  RequestError,
  legacyRestEndpointMethods,
  paginateRest
} from "./chunk-PEWCUQZX.js";
import {
  matchGlob
} from "./chunk-QPSMOZU7.js";
import {
  DEFAULT_CONFIG_PATH,
  DEFAULT_EXCLUDE,
  DEFAULT_INCLUDE
} from "./chunk-GCJCDDRW.js";
import {
  __commonJS,
  __toESM
} from "./chunk-EAZCXRIZ.js";

// node_modules/bottleneck/light.js
var require_light = __commonJS({
  "node_modules/bottleneck/light.js"(exports, module) {
    (function(global2, factory) {
      typeof exports === "object" && typeof module !== "undefined" ? module.exports = factory() : typeof define === "function" && define.amd ? define(factory) : global2.Bottleneck = factory();
    })(exports, (function() {
      "use strict";
      var commonjsGlobal = typeof globalThis !== "undefined" ? globalThis : typeof window !== "undefined" ? window : typeof global !== "undefined" ? global : typeof self !== "undefined" ? self : {};
      function getCjsExportFromNamespace(n) {
        return n && n["default"] || n;
      }
      var load = function(received, defaults, onto = {}) {
        var k, ref, v;
        for (k in defaults) {
          v = defaults[k];
          onto[k] = (ref = received[k]) != null ? ref : v;
        }
        return onto;
      };
      var overwrite = function(received, defaults, onto = {}) {
        var k, v;
        for (k in received) {
          v = received[k];
          if (defaults[k] !== void 0) {
            onto[k] = v;
          }
        }
        return onto;
      };
      var parser = {
        load,
        overwrite
      };
      var DLList;
      DLList = class DLList {
        constructor(incr, decr) {
          this.incr = incr;
          this.decr = decr;
          this._first = null;
          this._last = null;
          this.length = 0;
        }
        push(value) {
          var node;
          this.length++;
          if (typeof this.incr === "function") {
            this.incr();
          }
          node = {
            value,
            prev: this._last,
            next: null
          };
          if (this._last != null) {
            this._last.next = node;
            this._last = node;
          } else {
            this._first = this._last = node;
          }
          return void 0;
        }
        shift() {
          var value;
          if (this._first == null) {
            return;
          } else {
            this.length--;
            if (typeof this.decr === "function") {
              this.decr();
            }
          }
          value = this._first.value;
          if ((this._first = this._first.next) != null) {
            this._first.prev = null;
          } else {
            this._last = null;
          }
          return value;
        }
        first() {
          if (this._first != null) {
            return this._first.value;
          }
        }
        getArray() {
          var node, ref, results;
          node = this._first;
          results = [];
          while (node != null) {
            results.push((ref = node, node = node.next, ref.value));
          }
          return results;
        }
        forEachShift(cb) {
          var node;
          node = this.shift();
          while (node != null) {
            cb(node), node = this.shift();
          }
          return void 0;
        }
        debug() {
          var node, ref, ref1, ref2, results;
          node = this._first;
          results = [];
          while (node != null) {
            results.push((ref = node, node = node.next, {
              value: ref.value,
              prev: (ref1 = ref.prev) != null ? ref1.value : void 0,
              next: (ref2 = ref.next) != null ? ref2.value : void 0
            }));
          }
          return results;
        }
      };
      var DLList_1 = DLList;
      var Events;
      Events = class Events {
        constructor(instance) {
          this.instance = instance;
          this._events = {};
          if (this.instance.on != null || this.instance.once != null || this.instance.removeAllListeners != null) {
            throw new Error("An Emitter already exists for this object");
          }
          this.instance.on = (name, cb) => {
            return this._addListener(name, "many", cb);
          };
          this.instance.once = (name, cb) => {
            return this._addListener(name, "once", cb);
          };
          this.instance.removeAllListeners = (name = null) => {
            if (name != null) {
              return delete this._events[name];
            } else {
              return this._events = {};
            }
          };
        }
        _addListener(name, status, cb) {
          var base;
          if ((base = this._events)[name] == null) {
            base[name] = [];
          }
          this._events[name].push({ cb, status });
          return this.instance;
        }
        listenerCount(name) {
          if (this._events[name] != null) {
            return this._events[name].length;
          } else {
            return 0;
          }
        }
        async trigger(name, ...args) {
          var e, promises;
          try {
            if (name !== "debug") {
              this.trigger("debug", `Event triggered: ${name}`, args);
            }
            if (this._events[name] == null) {
              return;
            }
            this._events[name] = this._events[name].filter(function(listener) {
              return listener.status !== "none";
            });
            promises = this._events[name].map(async (listener) => {
              var e2, returned;
              if (listener.status === "none") {
                return;
              }
              if (listener.status === "once") {
                listener.status = "none";
              }
              try {
                returned = typeof listener.cb === "function" ? listener.cb(...args) : void 0;
                if (typeof (returned != null ? returned.then : void 0) === "function") {
                  return await returned;
                } else {
                  return returned;
                }
              } catch (error2) {
                e2 = error2;
                {
                  this.trigger("error", e2);
                }
                return null;
              }
            });
            return (await Promise.all(promises)).find(function(x) {
              return x != null;
            });
          } catch (error2) {
            e = error2;
            {
              this.trigger("error", e);
            }
            return null;
          }
        }
      };
      var Events_1 = Events;
      var DLList$1, Events$1, Queues;
      DLList$1 = DLList_1;
      Events$1 = Events_1;
      Queues = class Queues {
        constructor(num_priorities) {
          var i;
          this.Events = new Events$1(this);
          this._length = 0;
          this._lists = (function() {
            var j, ref, results;
            results = [];
            for (i = j = 1, ref = num_priorities; 1 <= ref ? j <= ref : j >= ref; i = 1 <= ref ? ++j : --j) {
              results.push(new DLList$1((() => {
                return this.incr();
              }), (() => {
                return this.decr();
              })));
            }
            return results;
          }).call(this);
        }
        incr() {
          if (this._length++ === 0) {
            return this.Events.trigger("leftzero");
          }
        }
        decr() {
          if (--this._length === 0) {
            return this.Events.trigger("zero");
          }
        }
        push(job) {
          return this._lists[job.options.priority].push(job);
        }
        queued(priority) {
          if (priority != null) {
            return this._lists[priority].length;
          } else {
            return this._length;
          }
        }
        shiftAll(fn) {
          return this._lists.forEach(function(list) {
            return list.forEachShift(fn);
          });
        }
        getFirst(arr = this._lists) {
          var j, len, list;
          for (j = 0, len = arr.length; j < len; j++) {
            list = arr[j];
            if (list.length > 0) {
              return list;
            }
          }
          return [];
        }
        shiftLastFrom(priority) {
          return this.getFirst(this._lists.slice(priority).reverse()).shift();
        }
      };
      var Queues_1 = Queues;
      var BottleneckError;
      BottleneckError = class BottleneckError extends Error {
      };
      var BottleneckError_1 = BottleneckError;
      var BottleneckError$1, DEFAULT_PRIORITY, Job, NUM_PRIORITIES, parser$1;
      NUM_PRIORITIES = 10;
      DEFAULT_PRIORITY = 5;
      parser$1 = parser;
      BottleneckError$1 = BottleneckError_1;
      Job = class Job {
        constructor(task, args, options, jobDefaults, rejectOnDrop, Events2, _states, Promise2) {
          this.task = task;
          this.args = args;
          this.rejectOnDrop = rejectOnDrop;
          this.Events = Events2;
          this._states = _states;
          this.Promise = Promise2;
          this.options = parser$1.load(options, jobDefaults);
          this.options.priority = this._sanitizePriority(this.options.priority);
          if (this.options.id === jobDefaults.id) {
            this.options.id = `${this.options.id}-${this._randomIndex()}`;
          }
          this.promise = new this.Promise((_resolve, _reject) => {
            this._resolve = _resolve;
            this._reject = _reject;
          });
          this.retryCount = 0;
        }
        _sanitizePriority(priority) {
          var sProperty;
          sProperty = ~~priority !== priority ? DEFAULT_PRIORITY : priority;
          if (sProperty < 0) {
            return 0;
          } else if (sProperty > NUM_PRIORITIES - 1) {
            return NUM_PRIORITIES - 1;
          } else {
            return sProperty;
          }
        }
        _randomIndex() {
          return Math.random().toString(36).slice(2);
        }
        doDrop({ error: error2, message = "This job has been dropped by Bottleneck" } = {}) {
          if (this._states.remove(this.options.id)) {
            if (this.rejectOnDrop) {
              this._reject(error2 != null ? error2 : new BottleneckError$1(message));
            }
            this.Events.trigger("dropped", { args: this.args, options: this.options, task: this.task, promise: this.promise });
            return true;
          } else {
            return false;
          }
        }
        _assertStatus(expected) {
          var status;
          status = this._states.jobStatus(this.options.id);
          if (!(status === expected || expected === "DONE" && status === null)) {
            throw new BottleneckError$1(`Invalid job status ${status}, expected ${expected}. Please open an issue at https://github.com/SGrondin/bottleneck/issues`);
          }
        }
        doReceive() {
          this._states.start(this.options.id);
          return this.Events.trigger("received", { args: this.args, options: this.options });
        }
        doQueue(reachedHWM, blocked) {
          this._assertStatus("RECEIVED");
          this._states.next(this.options.id);
          return this.Events.trigger("queued", { args: this.args, options: this.options, reachedHWM, blocked });
        }
        doRun() {
          if (this.retryCount === 0) {
            this._assertStatus("QUEUED");
            this._states.next(this.options.id);
          } else {
            this._assertStatus("EXECUTING");
          }
          return this.Events.trigger("scheduled", { args: this.args, options: this.options });
        }
        async doExecute(chained, clearGlobalState, run, free) {
          var error2, eventInfo, passed;
          if (this.retryCount === 0) {
            this._assertStatus("RUNNING");
            this._states.next(this.options.id);
          } else {
            this._assertStatus("EXECUTING");
          }
          eventInfo = { args: this.args, options: this.options, retryCount: this.retryCount };
          this.Events.trigger("executing", eventInfo);
          try {
            passed = await (chained != null ? chained.schedule(this.options, this.task, ...this.args) : this.task(...this.args));
            if (clearGlobalState()) {
              this.doDone(eventInfo);
              await free(this.options, eventInfo);
              this._assertStatus("DONE");
              return this._resolve(passed);
            }
          } catch (error1) {
            error2 = error1;
            return this._onFailure(error2, eventInfo, clearGlobalState, run, free);
          }
        }
        doExpire(clearGlobalState, run, free) {
          var error2, eventInfo;
          if (this._states.jobStatus(this.options.id === "RUNNING")) {
            this._states.next(this.options.id);
          }
          this._assertStatus("EXECUTING");
          eventInfo = { args: this.args, options: this.options, retryCount: this.retryCount };
          error2 = new BottleneckError$1(`This job timed out after ${this.options.expiration} ms.`);
          return this._onFailure(error2, eventInfo, clearGlobalState, run, free);
        }
        async _onFailure(error2, eventInfo, clearGlobalState, run, free) {
          var retry2, retryAfter;
          if (clearGlobalState()) {
            retry2 = await this.Events.trigger("failed", error2, eventInfo);
            if (retry2 != null) {
              retryAfter = ~~retry2;
              this.Events.trigger("retry", `Retrying ${this.options.id} after ${retryAfter} ms`, eventInfo);
              this.retryCount++;
              return run(retryAfter);
            } else {
              this.doDone(eventInfo);
              await free(this.options, eventInfo);
              this._assertStatus("DONE");
              return this._reject(error2);
            }
          }
        }
        doDone(eventInfo) {
          this._assertStatus("EXECUTING");
          this._states.next(this.options.id);
          return this.Events.trigger("done", eventInfo);
        }
      };
      var Job_1 = Job;
      var BottleneckError$2, LocalDatastore, parser$2;
      parser$2 = parser;
      BottleneckError$2 = BottleneckError_1;
      LocalDatastore = class LocalDatastore {
        constructor(instance, storeOptions, storeInstanceOptions) {
          this.instance = instance;
          this.storeOptions = storeOptions;
          this.clientId = this.instance._randomIndex();
          parser$2.load(storeInstanceOptions, storeInstanceOptions, this);
          this._nextRequest = this._lastReservoirRefresh = this._lastReservoirIncrease = Date.now();
          this._running = 0;
          this._done = 0;
          this._unblockTime = 0;
          this.ready = this.Promise.resolve();
          this.clients = {};
          this._startHeartbeat();
        }
        _startHeartbeat() {
          var base;
          if (this.heartbeat == null && (this.storeOptions.reservoirRefreshInterval != null && this.storeOptions.reservoirRefreshAmount != null || this.storeOptions.reservoirIncreaseInterval != null && this.storeOptions.reservoirIncreaseAmount != null)) {
            return typeof (base = this.heartbeat = setInterval(() => {
              var amount, incr, maximum, now, reservoir;
              now = Date.now();
              if (this.storeOptions.reservoirRefreshInterval != null && now >= this._lastReservoirRefresh + this.storeOptions.reservoirRefreshInterval) {
                this._lastReservoirRefresh = now;
                this.storeOptions.reservoir = this.storeOptions.reservoirRefreshAmount;
                this.instance._drainAll(this.computeCapacity());
              }
              if (this.storeOptions.reservoirIncreaseInterval != null && now >= this._lastReservoirIncrease + this.storeOptions.reservoirIncreaseInterval) {
                ({
                  reservoirIncreaseAmount: amount,
                  reservoirIncreaseMaximum: maximum,
                  reservoir
                } = this.storeOptions);
                this._lastReservoirIncrease = now;
                incr = maximum != null ? Math.min(amount, maximum - reservoir) : amount;
                if (incr > 0) {
                  this.storeOptions.reservoir += incr;
                  return this.instance._drainAll(this.computeCapacity());
                }
              }
            }, this.heartbeatInterval)).unref === "function" ? base.unref() : void 0;
          } else {
            return clearInterval(this.heartbeat);
          }
        }
        async __publish__(message) {
          await this.yieldLoop();
          return this.instance.Events.trigger("message", message.toString());
        }
        async __disconnect__(flush) {
          await this.yieldLoop();
          clearInterval(this.heartbeat);
          return this.Promise.resolve();
        }
        yieldLoop(t = 0) {
          return new this.Promise(function(resolve2, reject) {
            return setTimeout(resolve2, t);
          });
        }
        computePenalty() {
          var ref;
          return (ref = this.storeOptions.penalty) != null ? ref : 15 * this.storeOptions.minTime || 5e3;
        }
        async __updateSettings__(options) {
          await this.yieldLoop();
          parser$2.overwrite(options, options, this.storeOptions);
          this._startHeartbeat();
          this.instance._drainAll(this.computeCapacity());
          return true;
        }
        async __running__() {
          await this.yieldLoop();
          return this._running;
        }
        async __queued__() {
          await this.yieldLoop();
          return this.instance.queued();
        }
        async __done__() {
          await this.yieldLoop();
          return this._done;
        }
        async __groupCheck__(time) {
          await this.yieldLoop();
          return this._nextRequest + this.timeout < time;
        }
        computeCapacity() {
          var maxConcurrent, reservoir;
          ({ maxConcurrent, reservoir } = this.storeOptions);
          if (maxConcurrent != null && reservoir != null) {
            return Math.min(maxConcurrent - this._running, reservoir);
          } else if (maxConcurrent != null) {
            return maxConcurrent - this._running;
          } else if (reservoir != null) {
            return reservoir;
          } else {
            return null;
          }
        }
        conditionsCheck(weight) {
          var capacity;
          capacity = this.computeCapacity();
          return capacity == null || weight <= capacity;
        }
        async __incrementReservoir__(incr) {
          var reservoir;
          await this.yieldLoop();
          reservoir = this.storeOptions.reservoir += incr;
          this.instance._drainAll(this.computeCapacity());
          return reservoir;
        }
        async __currentReservoir__() {
          await this.yieldLoop();
          return this.storeOptions.reservoir;
        }
        isBlocked(now) {
          return this._unblockTime >= now;
        }
        check(weight, now) {
          return this.conditionsCheck(weight) && this._nextRequest - now <= 0;
        }
        async __check__(weight) {
          var now;
          await this.yieldLoop();
          now = Date.now();
          return this.check(weight, now);
        }
        async __register__(index, weight, expiration) {
          var now, wait;
          await this.yieldLoop();
          now = Date.now();
          if (this.conditionsCheck(weight)) {
            this._running += weight;
            if (this.storeOptions.reservoir != null) {
              this.storeOptions.reservoir -= weight;
            }
            wait = Math.max(this._nextRequest - now, 0);
            this._nextRequest = now + wait + this.storeOptions.minTime;
            return {
              success: true,
              wait,
              reservoir: this.storeOptions.reservoir
            };
          } else {
            return {
              success: false
            };
          }
        }
        strategyIsBlock() {
          return this.storeOptions.strategy === 3;
        }
        async __submit__(queueLength, weight) {
          var blocked, now, reachedHWM;
          await this.yieldLoop();
          if (this.storeOptions.maxConcurrent != null && weight > this.storeOptions.maxConcurrent) {
            throw new BottleneckError$2(`Impossible to add a job having a weight of ${weight} to a limiter having a maxConcurrent setting of ${this.storeOptions.maxConcurrent}`);
          }
          now = Date.now();
          reachedHWM = this.storeOptions.highWater != null && queueLength === this.storeOptions.highWater && !this.check(weight, now);
          blocked = this.strategyIsBlock() && (reachedHWM || this.isBlocked(now));
          if (blocked) {
            this._unblockTime = now + this.computePenalty();
            this._nextRequest = this._unblockTime + this.storeOptions.minTime;
            this.instance._dropAllQueued();
          }
          return {
            reachedHWM,
            blocked,
            strategy: this.storeOptions.strategy
          };
        }
        async __free__(index, weight) {
          await this.yieldLoop();
          this._running -= weight;
          this._done += weight;
          this.instance._drainAll(this.computeCapacity());
          return {
            running: this._running
          };
        }
      };
      var LocalDatastore_1 = LocalDatastore;
      var BottleneckError$3, States;
      BottleneckError$3 = BottleneckError_1;
      States = class States {
        constructor(status1) {
          this.status = status1;
          this._jobs = {};
          this.counts = this.status.map(function() {
            return 0;
          });
        }
        next(id) {
          var current, next;
          current = this._jobs[id];
          next = current + 1;
          if (current != null && next < this.status.length) {
            this.counts[current]--;
            this.counts[next]++;
            return this._jobs[id]++;
          } else if (current != null) {
            this.counts[current]--;
            return delete this._jobs[id];
          }
        }
        start(id) {
          var initial;
          initial = 0;
          this._jobs[id] = initial;
          return this.counts[initial]++;
        }
        remove(id) {
          var current;
          current = this._jobs[id];
          if (current != null) {
            this.counts[current]--;
            delete this._jobs[id];
          }
          return current != null;
        }
        jobStatus(id) {
          var ref;
          return (ref = this.status[this._jobs[id]]) != null ? ref : null;
        }
        statusJobs(status) {
          var k, pos, ref, results, v;
          if (status != null) {
            pos = this.status.indexOf(status);
            if (pos < 0) {
              throw new BottleneckError$3(`status must be one of ${this.status.join(", ")}`);
            }
            ref = this._jobs;
            results = [];
            for (k in ref) {
              v = ref[k];
              if (v === pos) {
                results.push(k);
              }
            }
            return results;
          } else {
            return Object.keys(this._jobs);
          }
        }
        statusCounts() {
          return this.counts.reduce(((acc, v, i) => {
            acc[this.status[i]] = v;
            return acc;
          }), {});
        }
      };
      var States_1 = States;
      var DLList$2, Sync;
      DLList$2 = DLList_1;
      Sync = class Sync {
        constructor(name, Promise2) {
          this.schedule = this.schedule.bind(this);
          this.name = name;
          this.Promise = Promise2;
          this._running = 0;
          this._queue = new DLList$2();
        }
        isEmpty() {
          return this._queue.length === 0;
        }
        async _tryToRun() {
          var args, cb, error2, reject, resolve2, returned, task;
          if (this._running < 1 && this._queue.length > 0) {
            this._running++;
            ({ task, args, resolve: resolve2, reject } = this._queue.shift());
            cb = await (async function() {
              try {
                returned = await task(...args);
                return function() {
                  return resolve2(returned);
                };
              } catch (error1) {
                error2 = error1;
                return function() {
                  return reject(error2);
                };
              }
            })();
            this._running--;
            this._tryToRun();
            return cb();
          }
        }
        schedule(task, ...args) {
          var promise, reject, resolve2;
          resolve2 = reject = null;
          promise = new this.Promise(function(_resolve, _reject) {
            resolve2 = _resolve;
            return reject = _reject;
          });
          this._queue.push({ task, args, resolve: resolve2, reject });
          this._tryToRun();
          return promise;
        }
      };
      var Sync_1 = Sync;
      var version = "2.19.5";
      var version$1 = {
        version
      };
      var version$2 = /* @__PURE__ */ Object.freeze({
        version,
        default: version$1
      });
      var require$$2 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var require$$3 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var require$$4 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var Events$2, Group, IORedisConnection$1, RedisConnection$1, Scripts$1, parser$3;
      parser$3 = parser;
      Events$2 = Events_1;
      RedisConnection$1 = require$$2;
      IORedisConnection$1 = require$$3;
      Scripts$1 = require$$4;
      Group = (function() {
        class Group2 {
          constructor(limiterOptions = {}) {
            this.deleteKey = this.deleteKey.bind(this);
            this.limiterOptions = limiterOptions;
            parser$3.load(this.limiterOptions, this.defaults, this);
            this.Events = new Events$2(this);
            this.instances = {};
            this.Bottleneck = Bottleneck_1;
            this._startAutoCleanup();
            this.sharedConnection = this.connection != null;
            if (this.connection == null) {
              if (this.limiterOptions.datastore === "redis") {
                this.connection = new RedisConnection$1(Object.assign({}, this.limiterOptions, { Events: this.Events }));
              } else if (this.limiterOptions.datastore === "ioredis") {
                this.connection = new IORedisConnection$1(Object.assign({}, this.limiterOptions, { Events: this.Events }));
              }
            }
          }
          key(key = "") {
            var ref;
            return (ref = this.instances[key]) != null ? ref : (() => {
              var limiter;
              limiter = this.instances[key] = new this.Bottleneck(Object.assign(this.limiterOptions, {
                id: `${this.id}-${key}`,
                timeout: this.timeout,
                connection: this.connection
              }));
              this.Events.trigger("created", limiter, key);
              return limiter;
            })();
          }
          async deleteKey(key = "") {
            var deleted, instance;
            instance = this.instances[key];
            if (this.connection) {
              deleted = await this.connection.__runCommand__(["del", ...Scripts$1.allKeys(`${this.id}-${key}`)]);
            }
            if (instance != null) {
              delete this.instances[key];
              await instance.disconnect();
            }
            return instance != null || deleted > 0;
          }
          limiters() {
            var k, ref, results, v;
            ref = this.instances;
            results = [];
            for (k in ref) {
              v = ref[k];
              results.push({
                key: k,
                limiter: v
              });
            }
            return results;
          }
          keys() {
            return Object.keys(this.instances);
          }
          async clusterKeys() {
            var cursor, end, found, i, k, keys, len, next, start;
            if (this.connection == null) {
              return this.Promise.resolve(this.keys());
            }
            keys = [];
            cursor = null;
            start = `b_${this.id}-`.length;
            end = "_settings".length;
            while (cursor !== 0) {
              [next, found] = await this.connection.__runCommand__(["scan", cursor != null ? cursor : 0, "match", `b_${this.id}-*_settings`, "count", 1e4]);
              cursor = ~~next;
              for (i = 0, len = found.length; i < len; i++) {
                k = found[i];
                keys.push(k.slice(start, -end));
              }
            }
            return keys;
          }
          _startAutoCleanup() {
            var base;
            clearInterval(this.interval);
            return typeof (base = this.interval = setInterval(async () => {
              var e, k, ref, results, time, v;
              time = Date.now();
              ref = this.instances;
              results = [];
              for (k in ref) {
                v = ref[k];
                try {
                  if (await v._store.__groupCheck__(time)) {
                    results.push(this.deleteKey(k));
                  } else {
                    results.push(void 0);
                  }
                } catch (error2) {
                  e = error2;
                  results.push(v.Events.trigger("error", e));
                }
              }
              return results;
            }, this.timeout / 2)).unref === "function" ? base.unref() : void 0;
          }
          updateSettings(options = {}) {
            parser$3.overwrite(options, this.defaults, this);
            parser$3.overwrite(options, options, this.limiterOptions);
            if (options.timeout != null) {
              return this._startAutoCleanup();
            }
          }
          disconnect(flush = true) {
            var ref;
            if (!this.sharedConnection) {
              return (ref = this.connection) != null ? ref.disconnect(flush) : void 0;
            }
          }
        }
        Group2.prototype.defaults = {
          timeout: 1e3 * 60 * 5,
          connection: null,
          Promise,
          id: "group-key"
        };
        return Group2;
      }).call(commonjsGlobal);
      var Group_1 = Group;
      var Batcher, Events$3, parser$4;
      parser$4 = parser;
      Events$3 = Events_1;
      Batcher = (function() {
        class Batcher2 {
          constructor(options = {}) {
            this.options = options;
            parser$4.load(this.options, this.defaults, this);
            this.Events = new Events$3(this);
            this._arr = [];
            this._resetPromise();
            this._lastFlush = Date.now();
          }
          _resetPromise() {
            return this._promise = new this.Promise((res, rej) => {
              return this._resolve = res;
            });
          }
          _flush() {
            clearTimeout(this._timeout);
            this._lastFlush = Date.now();
            this._resolve();
            this.Events.trigger("batch", this._arr);
            this._arr = [];
            return this._resetPromise();
          }
          add(data) {
            var ret;
            this._arr.push(data);
            ret = this._promise;
            if (this._arr.length === this.maxSize) {
              this._flush();
            } else if (this.maxTime != null && this._arr.length === 1) {
              this._timeout = setTimeout(() => {
                return this._flush();
              }, this.maxTime);
            }
            return ret;
          }
        }
        Batcher2.prototype.defaults = {
          maxTime: null,
          maxSize: null,
          Promise
        };
        return Batcher2;
      }).call(commonjsGlobal);
      var Batcher_1 = Batcher;
      var require$$4$1 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var require$$8 = getCjsExportFromNamespace(version$2);
      var Bottleneck2, DEFAULT_PRIORITY$1, Events$4, Job$1, LocalDatastore$1, NUM_PRIORITIES$1, Queues$1, RedisDatastore$1, States$1, Sync$1, parser$5, splice = [].splice;
      NUM_PRIORITIES$1 = 10;
      DEFAULT_PRIORITY$1 = 5;
      parser$5 = parser;
      Queues$1 = Queues_1;
      Job$1 = Job_1;
      LocalDatastore$1 = LocalDatastore_1;
      RedisDatastore$1 = require$$4$1;
      Events$4 = Events_1;
      States$1 = States_1;
      Sync$1 = Sync_1;
      Bottleneck2 = (function() {
        class Bottleneck3 {
          constructor(options = {}, ...invalid) {
            var storeInstanceOptions, storeOptions;
            this._addToQueue = this._addToQueue.bind(this);
            this._validateOptions(options, invalid);
            parser$5.load(options, this.instanceDefaults, this);
            this._queues = new Queues$1(NUM_PRIORITIES$1);
            this._scheduled = {};
            this._states = new States$1(["RECEIVED", "QUEUED", "RUNNING", "EXECUTING"].concat(this.trackDoneStatus ? ["DONE"] : []));
            this._limiter = null;
            this.Events = new Events$4(this);
            this._submitLock = new Sync$1("submit", this.Promise);
            this._registerLock = new Sync$1("register", this.Promise);
            storeOptions = parser$5.load(options, this.storeDefaults, {});
            this._store = (function() {
              if (this.datastore === "redis" || this.datastore === "ioredis" || this.connection != null) {
                storeInstanceOptions = parser$5.load(options, this.redisStoreDefaults, {});
                return new RedisDatastore$1(this, storeOptions, storeInstanceOptions);
              } else if (this.datastore === "local") {
                storeInstanceOptions = parser$5.load(options, this.localStoreDefaults, {});
                return new LocalDatastore$1(this, storeOptions, storeInstanceOptions);
              } else {
                throw new Bottleneck3.prototype.BottleneckError(`Invalid datastore type: ${this.datastore}`);
              }
            }).call(this);
            this._queues.on("leftzero", () => {
              var ref;
              return (ref = this._store.heartbeat) != null ? typeof ref.ref === "function" ? ref.ref() : void 0 : void 0;
            });
            this._queues.on("zero", () => {
              var ref;
              return (ref = this._store.heartbeat) != null ? typeof ref.unref === "function" ? ref.unref() : void 0 : void 0;
            });
          }
          _validateOptions(options, invalid) {
            if (!(options != null && typeof options === "object" && invalid.length === 0)) {
              throw new Bottleneck3.prototype.BottleneckError("Bottleneck v2 takes a single object argument. Refer to https://github.com/SGrondin/bottleneck#upgrading-to-v2 if you're upgrading from Bottleneck v1.");
            }
          }
          ready() {
            return this._store.ready;
          }
          clients() {
            return this._store.clients;
          }
          channel() {
            return `b_${this.id}`;
          }
          channel_client() {
            return `b_${this.id}_${this._store.clientId}`;
          }
          publish(message) {
            return this._store.__publish__(message);
          }
          disconnect(flush = true) {
            return this._store.__disconnect__(flush);
          }
          chain(_limiter) {
            this._limiter = _limiter;
            return this;
          }
          queued(priority) {
            return this._queues.queued(priority);
          }
          clusterQueued() {
            return this._store.__queued__();
          }
          empty() {
            return this.queued() === 0 && this._submitLock.isEmpty();
          }
          running() {
            return this._store.__running__();
          }
          done() {
            return this._store.__done__();
          }
          jobStatus(id) {
            return this._states.jobStatus(id);
          }
          jobs(status) {
            return this._states.statusJobs(status);
          }
          counts() {
            return this._states.statusCounts();
          }
          _randomIndex() {
            return Math.random().toString(36).slice(2);
          }
          check(weight = 1) {
            return this._store.__check__(weight);
          }
          _clearGlobalState(index) {
            if (this._scheduled[index] != null) {
              clearTimeout(this._scheduled[index].expiration);
              delete this._scheduled[index];
              return true;
            } else {
              return false;
            }
          }
          async _free(index, job, options, eventInfo) {
            var e, running;
            try {
              ({ running } = await this._store.__free__(index, options.weight));
              this.Events.trigger("debug", `Freed ${options.id}`, eventInfo);
              if (running === 0 && this.empty()) {
                return this.Events.trigger("idle");
              }
            } catch (error1) {
              e = error1;
              return this.Events.trigger("error", e);
            }
          }
          _run(index, job, wait) {
            var clearGlobalState, free, run;
            job.doRun();
            clearGlobalState = this._clearGlobalState.bind(this, index);
            run = this._run.bind(this, index, job);
            free = this._free.bind(this, index, job);
            return this._scheduled[index] = {
              timeout: setTimeout(() => {
                return job.doExecute(this._limiter, clearGlobalState, run, free);
              }, wait),
              expiration: job.options.expiration != null ? setTimeout(function() {
                return job.doExpire(clearGlobalState, run, free);
              }, wait + job.options.expiration) : void 0,
              job
            };
          }
          _drainOne(capacity) {
            return this._registerLock.schedule(() => {
              var args, index, next, options, queue;
              if (this.queued() === 0) {
                return this.Promise.resolve(null);
              }
              queue = this._queues.getFirst();
              ({ options, args } = next = queue.first());
              if (capacity != null && options.weight > capacity) {
                return this.Promise.resolve(null);
              }
              this.Events.trigger("debug", `Draining ${options.id}`, { args, options });
              index = this._randomIndex();
              return this._store.__register__(index, options.weight, options.expiration).then(({ success, wait, reservoir }) => {
                var empty;
                this.Events.trigger("debug", `Drained ${options.id}`, { success, args, options });
                if (success) {
                  queue.shift();
                  empty = this.empty();
                  if (empty) {
                    this.Events.trigger("empty");
                  }
                  if (reservoir === 0) {
                    this.Events.trigger("depleted", empty);
                  }
                  this._run(index, next, wait);
                  return this.Promise.resolve(options.weight);
                } else {
                  return this.Promise.resolve(null);
                }
              });
            });
          }
          _drainAll(capacity, total = 0) {
            return this._drainOne(capacity).then((drained) => {
              var newCapacity;
              if (drained != null) {
                newCapacity = capacity != null ? capacity - drained : capacity;
                return this._drainAll(newCapacity, total + drained);
              } else {
                return this.Promise.resolve(total);
              }
            }).catch((e) => {
              return this.Events.trigger("error", e);
            });
          }
          _dropAllQueued(message) {
            return this._queues.shiftAll(function(job) {
              return job.doDrop({ message });
            });
          }
          stop(options = {}) {
            var done, waitForExecuting;
            options = parser$5.load(options, this.stopDefaults);
            waitForExecuting = (at) => {
              var finished;
              finished = () => {
                var counts;
                counts = this._states.counts;
                return counts[0] + counts[1] + counts[2] + counts[3] === at;
              };
              return new this.Promise((resolve2, reject) => {
                if (finished()) {
                  return resolve2();
                } else {
                  return this.on("done", () => {
                    if (finished()) {
                      this.removeAllListeners("done");
                      return resolve2();
                    }
                  });
                }
              });
            };
            done = options.dropWaitingJobs ? (this._run = function(index, next) {
              return next.doDrop({
                message: options.dropErrorMessage
              });
            }, this._drainOne = () => {
              return this.Promise.resolve(null);
            }, this._registerLock.schedule(() => {
              return this._submitLock.schedule(() => {
                var k, ref, v;
                ref = this._scheduled;
                for (k in ref) {
                  v = ref[k];
                  if (this.jobStatus(v.job.options.id) === "RUNNING") {
                    clearTimeout(v.timeout);
                    clearTimeout(v.expiration);
                    v.job.doDrop({
                      message: options.dropErrorMessage
                    });
                  }
                }
                this._dropAllQueued(options.dropErrorMessage);
                return waitForExecuting(0);
              });
            })) : this.schedule({
              priority: NUM_PRIORITIES$1 - 1,
              weight: 0
            }, () => {
              return waitForExecuting(1);
            });
            this._receive = function(job) {
              return job._reject(new Bottleneck3.prototype.BottleneckError(options.enqueueErrorMessage));
            };
            this.stop = () => {
              return this.Promise.reject(new Bottleneck3.prototype.BottleneckError("stop() has already been called"));
            };
            return done;
          }
          async _addToQueue(job) {
            var args, blocked, error2, options, reachedHWM, shifted, strategy;
            ({ args, options } = job);
            try {
              ({ reachedHWM, blocked, strategy } = await this._store.__submit__(this.queued(), options.weight));
            } catch (error1) {
              error2 = error1;
              this.Events.trigger("debug", `Could not queue ${options.id}`, { args, options, error: error2 });
              job.doDrop({ error: error2 });
              return false;
            }
            if (blocked) {
              job.doDrop();
              return true;
            } else if (reachedHWM) {
              shifted = strategy === Bottleneck3.prototype.strategy.LEAK ? this._queues.shiftLastFrom(options.priority) : strategy === Bottleneck3.prototype.strategy.OVERFLOW_PRIORITY ? this._queues.shiftLastFrom(options.priority + 1) : strategy === Bottleneck3.prototype.strategy.OVERFLOW ? job : void 0;
              if (shifted != null) {
                shifted.doDrop();
              }
              if (shifted == null || strategy === Bottleneck3.prototype.strategy.OVERFLOW) {
                if (shifted == null) {
                  job.doDrop();
                }
                return reachedHWM;
              }
            }
            job.doQueue(reachedHWM, blocked);
            this._queues.push(job);
            await this._drainAll();
            return reachedHWM;
          }
          _receive(job) {
            if (this._states.jobStatus(job.options.id) != null) {
              job._reject(new Bottleneck3.prototype.BottleneckError(`A job with the same id already exists (id=${job.options.id})`));
              return false;
            } else {
              job.doReceive();
              return this._submitLock.schedule(this._addToQueue, job);
            }
          }
          submit(...args) {
            var cb, fn, job, options, ref, ref1, task;
            if (typeof args[0] === "function") {
              ref = args, [fn, ...args] = ref, [cb] = splice.call(args, -1);
              options = parser$5.load({}, this.jobDefaults);
            } else {
              ref1 = args, [options, fn, ...args] = ref1, [cb] = splice.call(args, -1);
              options = parser$5.load(options, this.jobDefaults);
            }
            task = (...args2) => {
              return new this.Promise(function(resolve2, reject) {
                return fn(...args2, function(...args3) {
                  return (args3[0] != null ? reject : resolve2)(args3);
                });
              });
            };
            job = new Job$1(task, args, options, this.jobDefaults, this.rejectOnDrop, this.Events, this._states, this.Promise);
            job.promise.then(function(args2) {
              return typeof cb === "function" ? cb(...args2) : void 0;
            }).catch(function(args2) {
              if (Array.isArray(args2)) {
                return typeof cb === "function" ? cb(...args2) : void 0;
              } else {
                return typeof cb === "function" ? cb(args2) : void 0;
              }
            });
            return this._receive(job);
          }
          schedule(...args) {
            var job, options, task;
            if (typeof args[0] === "function") {
              [task, ...args] = args;
              options = {};
            } else {
              [options, task, ...args] = args;
            }
            job = new Job$1(task, args, options, this.jobDefaults, this.rejectOnDrop, this.Events, this._states, this.Promise);
            this._receive(job);
            return job.promise;
          }
          wrap(fn) {
            var schedule, wrapped;
            schedule = this.schedule.bind(this);
            wrapped = function(...args) {
              return schedule(fn.bind(this), ...args);
            };
            wrapped.withOptions = function(options, ...args) {
              return schedule(options, fn, ...args);
            };
            return wrapped;
          }
          async updateSettings(options = {}) {
            await this._store.__updateSettings__(parser$5.overwrite(options, this.storeDefaults));
            parser$5.overwrite(options, this.instanceDefaults, this);
            return this;
          }
          currentReservoir() {
            return this._store.__currentReservoir__();
          }
          incrementReservoir(incr = 0) {
            return this._store.__incrementReservoir__(incr);
          }
        }
        Bottleneck3.default = Bottleneck3;
        Bottleneck3.Events = Events$4;
        Bottleneck3.version = Bottleneck3.prototype.version = require$$8.version;
        Bottleneck3.strategy = Bottleneck3.prototype.strategy = {
          LEAK: 1,
          OVERFLOW: 2,
          OVERFLOW_PRIORITY: 4,
          BLOCK: 3
        };
        Bottleneck3.BottleneckError = Bottleneck3.prototype.BottleneckError = BottleneckError_1;
        Bottleneck3.Group = Bottleneck3.prototype.Group = Group_1;
        Bottleneck3.RedisConnection = Bottleneck3.prototype.RedisConnection = require$$2;
        Bottleneck3.IORedisConnection = Bottleneck3.prototype.IORedisConnection = require$$3;
        Bottleneck3.Batcher = Bottleneck3.prototype.Batcher = Batcher_1;
        Bottleneck3.prototype.jobDefaults = {
          priority: DEFAULT_PRIORITY$1,
          weight: 1,
          expiration: null,
          id: "<no-id>"
        };
        Bottleneck3.prototype.storeDefaults = {
          maxConcurrent: null,
          minTime: 0,
          highWater: null,
          strategy: Bottleneck3.prototype.strategy.LEAK,
          penalty: null,
          reservoir: null,
          reservoirRefreshInterval: null,
          reservoirRefreshAmount: null,
          reservoirIncreaseInterval: null,
          reservoirIncreaseAmount: null,
          reservoirIncreaseMaximum: null
        };
        Bottleneck3.prototype.localStoreDefaults = {
          Promise,
          timeout: null,
          heartbeatInterval: 250
        };
        Bottleneck3.prototype.redisStoreDefaults = {
          Promise,
          timeout: null,
          heartbeatInterval: 5e3,
          clientTimeout: 1e4,
          Redis: null,
          clientOptions: {},
          clusterNodes: null,
          clearDatastore: false,
          connection: null
        };
        Bottleneck3.prototype.instanceDefaults = {
          datastore: "local",
          connection: null,
          id: "<no-id>",
          rejectOnDrop: true,
          trackDoneStatus: false,
          Promise
        };
        Bottleneck3.prototype.stopDefaults = {
          enqueueErrorMessage: "This limiter has been stopped and cannot accept new jobs.",
          dropWaitingJobs: true,
          dropErrorMessage: "This limiter has been stopped."
        };
        return Bottleneck3;
      }).call(commonjsGlobal);
      var Bottleneck_1 = Bottleneck2;
      var lib = Bottleneck_1;
      return lib;
    }));
  }
});

// src/action/pull-request.ts
import { lstatSync as lstatSync2 } from "node:fs";
import { join } from "node:path";

// node_modules/@octokit/plugin-retry/dist-bundle/index.js
var import_light = __toESM(require_light(), 1);
var VERSION = "0.0.0-development";
function isRequestError(error2) {
  return error2.request !== void 0;
}
async function errorRequest(state, octokit, error2, options) {
  if (!isRequestError(error2) || !error2?.request.request) {
    throw error2;
  }
  if (error2.status >= 400 && !state.doNotRetry.includes(error2.status)) {
    const retries = options.request.retries != null ? options.request.retries : state.retries;
    const retryAfter = Math.pow((options.request.retryCount || 0) + 1, 2);
    throw octokit.retry.retryRequest(error2, retries, retryAfter);
  }
  throw error2;
}
async function wrapRequest(state, octokit, request, options) {
  const limiter = new import_light.default();
  limiter.on("failed", function(error2, info2) {
    const maxRetries = ~~error2.request.request?.retries;
    const after = ~~error2.request.request?.retryAfter;
    options.request.retryCount = info2.retryCount + 1;
    if (maxRetries > info2.retryCount) {
      return after * state.retryAfterBaseValue;
    }
  });
  return limiter.schedule(
    requestWithGraphqlErrorHandling.bind(null, state, octokit, request),
    options
  );
}
async function requestWithGraphqlErrorHandling(state, octokit, request, options) {
  const response = await request(options);
  if (response.data && response.data.errors && response.data.errors.length > 0 && /Something went wrong while executing your query/.test(
    response.data.errors[0].message
  )) {
    const error2 = new RequestError(response.data.errors[0].message, 500, {
      request: options,
      response
    });
    return errorRequest(state, octokit, error2, options);
  }
  return response;
}
function retry(octokit, octokitOptions) {
  const state = Object.assign(
    {
      enabled: true,
      retryAfterBaseValue: 1e3,
      doNotRetry: [400, 401, 403, 404, 410, 422, 451],
      retries: 3
    },
    octokitOptions.retry
  );
  const retryPlugin = {
    retry: {
      retryRequest: (error2, retries, retryAfter) => {
        error2.request.request = Object.assign({}, error2.request.request, {
          retries,
          retryAfter
        });
        return error2;
      }
    }
  };
  if (state.enabled) {
    octokit.hook.error("request", errorRequest.bind(null, state, retryPlugin));
    octokit.hook.wrap("request", wrapRequest.bind(null, state, retryPlugin));
  }
  return retryPlugin;
}
retry.VERSION = VERSION;

// node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var import_light2 = __toESM(require_light(), 1);
var VERSION2 = "0.0.0-development";
var noop = () => Promise.resolve();
function wrapRequest2(state, request, options) {
  return state.retryLimiter.schedule(doRequest, state, request, options);
}
async function doRequest(state, request, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error2) => error2.type === "RATE_LIMITED")) {
      const error2 = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error2;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck2, common) {
  groups.global = new Bottleneck2.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck2.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck2.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck2.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck2.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck: Bottleneck2 = import_light2.default,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck2, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck2();
    const events = {};
    const emitter = new Bottleneck2.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error2, info2) {
      const [state2, request, options] = info2.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error2.status !== 401;
      if (!(shouldRetryGraphQL || error2.status === 403 || error2.status === 429)) {
        return;
      }
      const retryCount = ~~request.retryCount;
      request.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error2.message)) {
          const retryAfter2 = Number(error2.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error2.response.headers != null && error2.response.headers["x-ratelimit-remaining"] === "0" || (error2.response.data?.errors ?? []).some(
          (error22) => error22.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error2.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request, options) => {
    initializeBottleneck();
    return wrapRequest2(state, request, options);
  });
  return {};
}
throttling.VERSION = VERSION2;
throttling.triggersNotification = triggersNotification;

// node_modules/@octokit/plugin-request-log/dist-src/version.js
var VERSION3 = "6.0.0";

// node_modules/@octokit/plugin-request-log/dist-src/index.js
function requestLog(octokit) {
  octokit.hook.wrap("request", (request, options) => {
    octokit.log.debug("request", options);
    const start = Date.now();
    const requestOptions = octokit.request.endpoint.parse(options);
    const path = requestOptions.url.replace(options.baseUrl, "");
    return request(options).then((response) => {
      const requestId = response.headers["x-github-request-id"];
      octokit.log.info(
        `${requestOptions.method} ${path} - ${response.status} with id ${requestId} in ${Date.now() - start}ms`
      );
      return response;
    }).catch((error2) => {
      const requestId = error2.response?.headers["x-github-request-id"] || "UNKNOWN";
      octokit.log.error(
        `${requestOptions.method} ${path} - ${error2.status} with id ${requestId} in ${Date.now() - start}ms`
      );
      throw error2;
    });
  });
}
requestLog.VERSION = VERSION3;

// node_modules/@octokit/rest/dist-src/version.js
var VERSION4 = "22.0.1";

// node_modules/@octokit/rest/dist-src/index.js
var Octokit2 = Octokit.plugin(requestLog, legacyRestEndpointMethods, paginateRest).defaults(
  {
    userAgent: `octokit-rest.js/${VERSION4}`
  }
);

// src/github/client.ts
var GitHubOctokit = Octokit2.plugin(throttling, retry);
async function createClient(token, log, options = {}) {
  if (!token) throw new Error("Parameter token or opts.auth is required");
  const maxRetries = options.maxRetries ?? 3;
  const request = proxyConfigured(process.env) ? (await import("./chunk-J536M7UR.js")).defaults.request : void 0;
  const client = new GitHubOctokit({
    baseUrl: process.env.GITHUB_API_URL || "https://api.github.com",
    auth: `token ${token}`,
    userAgent: userAgentWithOrchestrationId(options.userAgent ?? "kube-immutable", process.env),
    ...request ? { request } : {},
    // Octokit's default log, except `error`: only @octokit/rest's request log writes there (each
    // failed request, to stderr), and getOctokit's client has no request log, so neither has this.
    // eslint-disable-next-line no-console -- Octokit's own default for warnings (deprecations), kept
    log: { debug: () => {
    }, info: () => {
    }, warn: console.warn.bind(console), error: () => {
    } },
    throttle: {
      onRateLimit: (retryAfter, req, _o, retryCount) => {
        log.warning(`GitHub rate limit reached for ${req.method} ${req.url}; retrying after ${retryAfter} s`);
        return retryCount < maxRetries;
      },
      onSecondaryRateLimit: (retryAfter, req, _o, retryCount) => {
        log.warning(`GitHub secondary rate limit reached for ${req.method} ${req.url}; retrying after ${retryAfter} s`);
        return retryCount < maxRetries;
      }
    },
    retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] }
  });
  client.hook.before("request", (o) => {
    const ua = o.headers["user-agent"];
    if (typeof ua === "string") o.headers["user-agent"] = ua.replace(/ octokit-rest\.js\/\S+/, "");
  });
  return client;
}
function proxyConfigured(env) {
  return ["https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"].some((k) => !!env[k]);
}
function userAgentWithOrchestrationId(base, env) {
  const id = env.ACTIONS_ORCHESTRATION_ID?.trim();
  if (!id) return base;
  const tag = `actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, "_")}`;
  return base.includes(tag) ? base : `${base ? `${base} ` : ""}${tag}`;
}
function httpStatus(err) {
  const s = err?.status;
  return typeof s === "number" ? s : void 0;
}
function isReadOnlyTokenError(err) {
  const message = err?.message;
  return httpStatus(err) === 403 && !/rate limit/i.test(typeof message === "string" ? message : "");
}

// src/github/pull-files.ts
var PULL_FILES_CAP = 3e3;
async function listPullFiles(client, owner, repo, pullNumber) {
  const raw = await client.paginate(client.rest.pulls.listFiles, { owner, repo, pull_number: pullNumber, per_page: 100 });
  const files = raw.map((f) => ({
    path: f.filename,
    previousPath: f.previous_filename ?? void 0,
    status: f.status,
    blobSha: f.sha ?? "",
    patch: f.patch ?? void 0
  }));
  return { files, capped: files.length >= PULL_FILES_CAP };
}
async function fetchFileText(client, owner, repo, ref, path, blobSha) {
  try {
    const res = await client.rest.repos.getContent({ owner, repo, path, ref });
    const data = res.data;
    if (data.type === "file" && data.encoding === "base64" && typeof data.content === "string" && data.content !== "") {
      return Buffer.from(data.content, "base64").toString("utf8");
    }
    const sha = blobSha ?? data.sha;
    if (!sha) return void 0;
    const blob = await client.rest.git.getBlob({ owner, repo, file_sha: sha });
    return Buffer.from(blob.data.content, blob.data.encoding || "base64").toString("utf8");
  } catch (err) {
    if (err.status === 404) return void 0;
    throw err;
  }
}
async function compareFiles(client, owner, repo, base, head) {
  const res = await client.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${base}...${head}`, per_page: 100 });
  const files = (res.data.files ?? []).map((f) => ({
    path: f.filename,
    previousPath: f.previous_filename ?? void 0,
    status: f.status,
    blobSha: f.sha ?? "",
    patch: f.patch ?? void 0
  }));
  return { files, capped: files.length >= 300 };
}

// src/github/review.ts
async function listReviewComments(client, owner, repo, pullNumber, isOurs) {
  const raw = await client.paginate(client.rest.pulls.listReviewComments, { owner, repo, pull_number: pullNumber, per_page: 100 });
  const repliedTo = new Set(raw.map((c) => c.in_reply_to_id).filter((x) => typeof x === "number"));
  return raw.map((c) => ({
    id: c.id,
    path: c.path,
    line: c.line ?? null,
    body: c.body ?? "",
    inReplyTo: c.in_reply_to_id ?? void 0,
    hasReplies: repliedTo.has(c.id),
    mine: isOurs(c.body ?? "") && (c.user?.type === "Bot" || /\[bot\]$/.test(c.user?.login ?? ""))
  }));
}
async function listReviewBodies(client, owner, repo, pullNumber, isOurs) {
  const raw = await client.paginate(client.rest.pulls.listReviews, { owner, repo, pull_number: pullNumber, per_page: 100 });
  return raw.filter((r) => isOurs(r.body ?? "") && (r.user?.type === "Bot" || /\[bot\]$/.test(r.user?.login ?? ""))).map((r) => ({ id: r.id, path: "", line: null, body: r.body ?? "", inReplyTo: void 0, hasReplies: true, mine: true }));
}
function outcomeUnknown(err) {
  const status = httpStatus(err);
  return status === void 0 || status >= 500;
}
async function createReview(client, args) {
  const base = { owner: args.owner, repo: args.repo, pull_number: args.pullNumber, commit_id: args.commitId, event: args.event };
  const attempts = Math.max(1, args.attempts ?? 3);
  const post = async (body, comments) => {
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await client.rest.pulls.createReview({ ...base, body, ...comments ? { comments } : {}, request: { retries: 0 } });
        return res.data;
      } catch (err) {
        if (!outcomeUnknown(err) || attempt >= attempts) throw err;
        const done = await findPostedReview(client, args.owner, args.repo, args.pullNumber, args.commitId, body);
        if (done) return done;
        const wait = (args.retryDelayMs ?? 1e3) * 2 ** (attempt - 1);
        args.onRetry?.(
          `creating the review failed (${httpStatus(err) ?? "no answer"}: ${err.message}) and GitHub has no such review; posting again in ${wait} ms`
        );
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  };
  try {
    const data = await post(args.body, args.comments);
    return { id: data.id, url: data.html_url, inline: true };
  } catch (err) {
    if (httpStatus(err) !== 422 || args.comments.length === 0) throw err;
    const data = await post(args.fallbackBody(), void 0);
    return { id: data.id, url: data.html_url, inline: false };
  }
}
async function findPostedReview(client, owner, repo, pullNumber, commitId, body) {
  const raw = await client.paginate(client.rest.pulls.listReviews, { owner, repo, pull_number: pullNumber, per_page: 100 });
  return raw.find(
    (r) => r.body === body && r.commit_id === commitId && r.state !== "PENDING" && (r.user?.type === "Bot" || /\[bot\]$/.test(r.user?.login ?? ""))
  );
}
async function readPullRequest(client, owner, repo, pullNumber) {
  const { data } = await client.rest.pulls.get({ owner, repo, pull_number: pullNumber });
  return { headSha: data.head.sha, state: data.state, reviewComments: typeof data.review_comments === "number" ? data.review_comments : -1 };
}
async function deleteReviewComments(client, owner, repo, ids) {
  const failed = [];
  for (const id of ids) {
    try {
      await client.rest.pulls.deleteReviewComment({ owner, repo, comment_id: id });
    } catch (err) {
      if (httpStatus(err) !== 404) failed.push(id);
    }
  }
  return failed;
}

// src/action/base-exemptions.ts
async function withBaseExemptions(engine, files, base) {
  if (engine.exemptionGovernance?.annotations === "disabled") return engine;
  const { baseExemptionsInText } = await import("./chunk-HQPQDNR3.js");
  const baseExemptions = {};
  for (const f of files) {
    let list = [];
    if (f.status !== "added" && f.status !== "copied") {
      const at = f.previousPath ?? f.path;
      try {
        const text = await base.read(at);
        if (text !== void 0) list = baseExemptionsInText(text, engine.maxFileSizeBytes);
      } catch (err) {
        warning(
          `kube-immutable: could not read ${at} at the base commit (${err.message}); its exemption annotations count as requested by this change.`
        );
      }
    }
    Object.defineProperty(baseExemptions, f.path, { value: list, enumerable: true, writable: true, configurable: true });
  }
  return { ...engine, baseExemptions };
}

// src/action/sources.ts
import { readFileSync } from "node:fs";
var utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function commitReader(workspace, sha, api) {
  if (gitHead(workspace) === sha) {
    return {
      via: "workspace",
      workspace,
      read: async (path) => {
        if (linkOnTheWay(workspace, path)) return void 0;
        const abs = resolveInside(workspace, path);
        if (!abs) return void 0;
        try {
          return utf8.decode(readFileSync(abs));
        } catch {
          return void 0;
        }
      },
      whyNotText: (path) => {
        const abs = resolveInside(workspace, path);
        if (!abs) return void 0;
        try {
          utf8.decode(readFileSync(abs));
          return void 0;
        } catch (err) {
          return err instanceof TypeError ? "it is not valid UTF-8 text" : void 0;
        }
      }
    };
  }
  if (hasCommit(workspace, sha)) return { via: "git", read: async (path) => gitShow(workspace, sha, path) };
  return {
    via: "api",
    read: async (path, blobSha) => api ? fetchFileText(api.client, api.owner, api.repo, sha, path, blobSha) : void 0
  };
}
function linkOnTheWay(workspace, path) {
  if (path.split("/").some((part) => part.toLowerCase() === ".git")) return true;
  return firstLinkOnTheWay(workspace, path) !== void 0;
}
async function readSources(reader, files) {
  const sources = [];
  const missing = [];
  for (const f of files) {
    let text;
    try {
      text = await reader.read(f.path, f.blobSha);
    } catch (err) {
      const status = err.status;
      missing.push({ path: f.path, reason: `GitHub ${typeof status === "number" ? `answered ${status}` : "failed"}: ${err.message}` });
      continue;
    }
    const notText = text === void 0 ? reader.whyNotText?.(f.path) : void 0;
    if (notText !== void 0) sources.push({ path: f.path, text: "", unreadable: notText });
    else if (text === void 0) {
      const link = reader.via === "workspace" && reader.workspace !== void 0 && linkOnTheWay(reader.workspace, f.path);
      missing.push({ path: f.path, reason: link ? "a symbolic link (links in the checked-out files are never followed)" : "absent or outside the workspace" });
    } else sources.push({ path: f.path, text });
  }
  return { sources, missing };
}

// src/action/trusted.ts
import { posix as posix2 } from "node:path";

// src/action/trusted-tree.ts
import { lstatSync, realpathSync } from "node:fs";
import { posix, resolve } from "node:path";
var utf82 = new TextDecoder("utf-8", { fatal: true });
function segments(path) {
  const clean = path.replace(/\/+$/, "");
  if (clean === "" || clean === ".") return [];
  const parts = clean.split("/");
  if (parts.some((s) => s === "" || s === "." || s === "..")) return void 0;
  return parts;
}
function refusal(e, shown, label) {
  if (e.mode === "120000") return `${shown} is a symbolic link in ${label}; trusted files are read only as regular files of the trusted tree, so it is refused`;
  if (e.mode === "160000") return `${shown} is a submodule in ${label}; trusted files are never read from another repository's commit, so it is refused`;
  return void 0;
}
function gitCommitTree(cwd, commit, label, prefix = "") {
  const sha = gitCommitOf(cwd, commit);
  if (!sha) return void 0;
  const trees = /* @__PURE__ */ new Map();
  const entriesOf = (oid) => {
    if (!trees.has(oid)) trees.set(oid, gitTreeEntries(cwd, oid));
    return trees.get(oid);
  };
  const shown = (parts, n) => `${prefix}${parts.slice(0, n).join("/")}`;
  const walk = (parts) => {
    let tree = sha;
    let entry;
    for (let i = 0; i < parts.length; i++) {
      const entries = entriesOf(tree);
      if (!entries) return { kind: "refused", reason: `git could not read the tree of ${shown(parts, i) || "the root"} in ${label}` };
      entry = entries.find((e) => e.name === parts[i]);
      if (!entry) return { kind: "absent" };
      const why = refusal(entry, shown(parts, i + 1), label);
      if (why) return { kind: "refused", reason: why };
      if (i < parts.length - 1) {
        if (entry.type !== "tree") return { kind: "absent" };
        tree = entry.oid;
      }
    }
    return { entry };
  };
  return {
    label,
    async read(path) {
      const parts = segments(path);
      if (!parts || parts.length === 0) return { kind: "absent" };
      const w = walk(parts);
      if ("kind" in w) return w;
      if (w.entry.type !== "blob") return { kind: "absent" };
      const bytes = gitBlob(cwd, w.entry.oid);
      if (!bytes) return { kind: "refused", reason: `git could not read ${prefix}${path} in ${label}` };
      try {
        return { kind: "file", text: utf82.decode(bytes) };
      } catch {
        return { kind: "refused", reason: `${prefix}${path} in ${label} is not UTF-8 text` };
      }
    },
    async list(folder) {
      const parts = segments(folder);
      if (!parts) return { kind: "absent" };
      const w = walk(parts);
      if ("kind" in w) return w;
      if (w.entry && w.entry.type !== "tree") return { kind: "absent" };
      const entries = entriesOf(w.entry ? w.entry.oid : sha);
      if (!entries) return { kind: "refused", reason: `git could not read the tree of ${prefix}${folder} in ${label}` };
      return { kind: "folder", names: entries.map((e) => e.name).sort() };
    }
  };
}
function apiCommitTree(api, sha, label) {
  const get = async (path) => {
    try {
      const res = await api.client.rest.repos.getContent({ owner: api.owner, repo: api.repo, path, ref: sha });
      return res.data;
    } catch (err) {
      if (err.status === 404) return void 0;
      throw err;
    }
  };
  const typeRefusal = (e, path) => {
    if (e.type === "symlink") return refusal({ mode: "120000" }, path, label);
    if (e.type === "submodule") return refusal({ mode: "160000" }, path, label);
    if (e.type === "file" && e.path !== void 0 && e.path !== path)
      return `${path} is a symbolic link to ${e.path} in ${label}; trusted files are read only as regular files of the trusted tree, so it is refused`;
    return void 0;
  };
  const parentRefusal = async (parts) => {
    for (let i = parts.length - 1; i >= 1; i--) {
      const up = parts.slice(0, i).join("/");
      const data = await get(up);
      if (data === void 0) continue;
      if (Array.isArray(data)) return { kind: "absent" };
      const why = typeRefusal(data, up);
      return why ? { kind: "refused", reason: why } : { kind: "absent" };
    }
    return { kind: "absent" };
  };
  return {
    label,
    async read(path) {
      const parts = segments(path);
      if (!parts || parts.length === 0) return { kind: "absent" };
      const data = await get(parts.join("/"));
      if (data === void 0) return parentRefusal(parts);
      if (Array.isArray(data)) return { kind: "absent" };
      const why = typeRefusal(data, parts.join("/"));
      if (why) return { kind: "refused", reason: why };
      if (data.type !== "file") return { kind: "absent" };
      let bytes;
      if (data.encoding === "base64" && typeof data.content === "string" && data.content !== "") bytes = Buffer.from(data.content, "base64");
      else if (data.sha) {
        const blob = await api.client.rest.git.getBlob({ owner: api.owner, repo: api.repo, file_sha: data.sha });
        bytes = Buffer.from(blob.data.content, blob.data.encoding || "base64");
      } else return { kind: "refused", reason: `GitHub gave no content for ${path} in ${label}` };
      try {
        return { kind: "file", text: utf82.decode(bytes) };
      } catch {
        return { kind: "refused", reason: `${path} in ${label} is not UTF-8 text` };
      }
    },
    async list(folder) {
      const parts = segments(folder);
      if (!parts) return { kind: "absent" };
      const data = await get(parts.join("/"));
      if (data === void 0) return parts.length > 1 ? parentRefusal(parts) : { kind: "absent" };
      if (!Array.isArray(data)) {
        const why = typeRefusal(data, parts.join("/"));
        return why ? { kind: "refused", reason: why } : { kind: "absent" };
      }
      return {
        kind: "folder",
        names: data.map((e) => e.name ?? "").filter(Boolean).sort()
      };
    }
  };
}
function openTrustedFolder(workspace, path) {
  const shown = JSON.stringify(path);
  const clean = posix.normalize(path.trim().replace(/\\/g, "/")).replace(/^\.\/+/, "").replace(/\/+$/, "");
  if (clean === "" || clean === "." || clean === ".." || clean.startsWith("../") || clean.startsWith("/") || /^[A-Za-z]:/.test(clean)) {
    return { problem: `trusted-folder ${shown} must be a folder inside the workspace (where actions/checkout puts it with path:), not the workspace itself` };
  }
  const link = firstLinkOnTheWay(workspace, clean);
  if (link) return { problem: `trusted-folder ${shown}: ${link} is a symbolic link; a trusted folder is a real checkout, so it is refused` };
  const at = resolve(workspace, clean);
  let st;
  try {
    st = lstatSync(at);
  } catch {
    return { problem: `trusted-folder ${shown} does not exist (check it out with actions/checkout, repository: and path:)` };
  }
  if (!st.isDirectory()) return { problem: `trusted-folder ${shown} is not a folder` };
  try {
    if (!lstatSync(resolve(at, ".git")).isDirectory())
      return {
        problem: `trusted-folder ${shown} has a .git file, not a .git folder (a submodule of the checked-out repository?); check it out as a repository of its own`
      };
  } catch {
    return {
      problem: `trusted-folder ${shown} is not a git repository of its own (no .git folder); check it out with actions/checkout, repository: and path:`
    };
  }
  const top = gitTopLevel(at);
  let real;
  try {
    real = realpathSync(at);
  } catch {
    return { problem: `trusted-folder ${shown} cannot be read` };
  }
  if (!top || realpathOr(top) !== real) return { problem: `trusted-folder ${shown} is not the top folder of its own git repository` };
  const tree = gitCommitTree(at, "HEAD", `the trusted folder ${clean}`, `${clean}/`);
  if (!tree) return { problem: `trusted-folder ${shown} has no commit checked out` };
  return { path: clean, tree };
}
function realpathOr(p) {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

// src/action/trusted.ts
function trustedReader(src) {
  const texts = /* @__PURE__ */ new Map();
  const folders = /* @__PURE__ */ new Map();
  const problems = [];
  const problem = (p) => {
    if (!problems.includes(p)) problems.push(p);
  };
  const label = `the ${src.role} ${src.sha.slice(0, 12)}`;
  const local = gitCommitTree(src.workspace, src.sha, label);
  const commitTree = local ?? (src.api && /^[0-9a-f]{40,64}$/i.test(src.sha) ? apiCommitTree(src.api, src.sha, label) : void 0);
  const sources = [`${label} via ${local ? "git" : commitTree ? "the contents API" : "nothing"}`];
  const mounts = [];
  for (const f of src.trustedFolders) {
    const opened = openTrustedFolder(src.workspace, f);
    if ("problem" in opened) problem(opened.problem);
    else {
      mounts.push(opened);
      sources.push(`${opened.tree.label} via git`);
    }
  }
  const route = (p) => {
    const clean = posix2.normalize(p).replace(/^\.\/+/, "").replace(/\/+$/, "");
    if (clean === ".." || clean.startsWith("../") || clean.startsWith("/")) return { refused: `${p} is outside the repository` };
    const mount = mounts.find((m) => clean === m.path || clean.startsWith(`${m.path}/`));
    if (mount) return { tree: mount.tree, path: clean === mount.path ? "" : clean.slice(mount.path.length + 1) };
    if (!commitTree)
      return {
        refused: `${label} is not in the local git history and there is no GitHub token to read it with; check out with fetch-depth: 0 or pass github-token`
      };
    return { tree: commitTree, path: clean === "." ? "" : clean };
  };
  const failed = (what, err) => {
    const status = err.status;
    problem(`${what}: GitHub ${typeof status === "number" ? `answered ${status}` : "failed"}: ${err.message}`);
  };
  const answer = async (cache, p, verb, ask) => {
    if (cache.has(p)) return cache.get(p);
    let value;
    const r = route(p);
    if ("refused" in r) problem(r.refused);
    else {
      try {
        const got = await ask(r.tree, r.path);
        if (got.kind === "refused") problem(got.reason);
        else if (got.kind !== "absent") value = got.value;
      } catch (err) {
        failed(`could not ${verb} ${p} at ${r.tree.label}`, err);
      }
    }
    cache.set(p, value);
    return value;
  };
  return {
    texts,
    folders,
    problems,
    sources,
    commitIsLocal: local !== void 0,
    read: (p) => answer(texts, p, "read", async (tree, path) => {
      const got = await tree.read(path);
      return got.kind === "file" ? { kind: "file", value: got.text } : got;
    }),
    list: (f) => answer(folders, f, "list", async (tree, path) => {
      const got = await tree.list(path);
      return got.kind === "folder" ? { kind: "folder", value: got.names } : got;
    })
  };
}
async function loadTrustedSettings(src, configPath, reader = trustedReader(src), changed = /* @__PURE__ */ new Set()) {
  const { texts, folders } = reader;
  const wantedTexts = /* @__PURE__ */ new Set();
  const wantedFolders = /* @__PURE__ */ new Set();
  const files = {
    read: (p) => texts.has(p) ? texts.get(p) : (wantedTexts.add(p), void 0),
    list: (f) => folders.has(f) ? folders.get(f) : (wantedFolders.add(f), void 0)
  };
  let settings = await loadRunSettings(files, configPath);
  for (let round = 0; round < 50 && (wantedTexts.size > 0 || wantedFolders.size > 0); round++) {
    for (const p of wantedTexts) await reader.read(p);
    for (const f of wantedFolders) await reader.list(f);
    wantedTexts.clear();
    wantedFolders.clear();
    settings = await loadRunSettings(files, configPath);
  }
  const touched = /* @__PURE__ */ new Set();
  for (const p of texts.keys()) if (changed.has(p)) touched.add(p);
  for (const folder of folders.keys()) {
    const prefix = `${folder.replace(/\/+$/, "")}/`;
    for (const p of changed) if (p.startsWith(prefix)) touched.add(p);
  }
  return { ...settings, problems: [...reader.problems, ...settings.problems], changedByPr: [...touched].sort() };
}

// src/action/pull-request.ts
function noManifestChanged(changed, include, exclude, where) {
  const lead = `no Kubernetes manifest changed${where ? ` ${where}` : ""}`;
  if (changed === 0) return `${lead}: no file changed.`;
  const list = (globs2) => globs2.map((g) => `"${g}"`).join(", ");
  const globs = `the include globs (${list(include)})${exclude.length > 0 ? ` outside the exclude globs (${list(exclude)})` : ""}`;
  return changed === 1 ? `${lead}: the 1 changed file is removed or does not match ${globs}.` : `${lead}: each of the ${changed} changed files is removed or does not match ${globs}.`;
}
function matchesGlobs(path, include, exclude) {
  const m = (g) => matchGlob(path, g);
  return include.some(m) && !exclude.some(m);
}
async function pullRequestFlow(event, pr, inputs, workspace) {
  const client = await createClient(inputs.token, { info, warning: warning2 });
  const { owner, repo } = event;
  const changes = await changedFiles(client, event, pr, workspace);
  const api = { client, owner, repo };
  const changedByPr = pathsChanged(changes);
  const trustedSource = { workspace, sha: pr.baseSha, role: "base commit", api, trustedFolders: inputs.trustedFolders };
  const trusted = trustedReader(trustedSource);
  if (inputs.config === void 0 && await trusted.read(DEFAULT_CONFIG_PATH) === void 0 && trusted.problems.length === 0) {
    if (changedManifests(changes, inputs.include ?? DEFAULT_INCLUDE, inputs.exclude ?? DEFAULT_EXCLUDE, inputs.render !== false).length === 0)
      return noManifest(false, changes.length, inputs.include ?? DEFAULT_INCLUDE, inputs.exclude ?? DEFAULT_EXCLUDE);
  }
  const settings = await loadTrustedSettings(trustedSource, inputs.config, trusted, changedByPr);
  const configFailed = reportSettingsProblems(settings.problems);
  const include = inputs.include ?? settings.include ?? DEFAULT_INCLUDE;
  const exclude = inputs.exclude ?? settings.exclude ?? DEFAULT_EXCLUDE;
  const candidates = changedManifests(changes, include, exclude, inputs.render !== false);
  if (candidates.length === 0) return noManifest(configFailed, changes.length, include, exclude);
  info(`kube-immutable: configuration and custom policies from ${trusted.sources.join(" and ")}.`);
  const [{ run: runPolicies }, diff, { channelPlanner, publish, writeOutputFiles }] = await Promise.all([
    import("./chunk-HQPQDNR3.js"),
    import("./chunk-DBODKTHG.js"),
    import("./chunk-OYRTKQCL.js")
  ]);
  const head = commitReader(workspace, pr.headSha, api);
  const { sources, missing } = await readSources(
    head,
    candidates.map((f) => ({ path: f.path, blobSha: f.blobSha || void 0 }))
  );
  for (const m of missing) warning2(`kube-immutable: could not read ${m.path} at ${pr.headSha.slice(0, 12)} (${m.reason}); it was not scanned.`);
  const base = commitReader(workspace, pr.baseSha, api);
  const withArtifacts = await trustedBuildArtifacts(settings.engine, sources, trusted, changedByPr, workspace);
  const engine = await withBaseExemptions(await engineWithDigests(inputs, withArtifacts.engine, sources), candidates, base);
  const result = await runWithRenders(runPolicies, sources, settings.policies, engine, {
    inputs,
    workspace,
    headSha: pr.headSha,
    api,
    changed: [...changedByPr],
    helmCharts: settings.helmCharts
  });
  const files = await reviewFiles(sources, candidates, base, diff);
  const unchangedTexts = await readTexts(head, unchangedFixFiles(result, files));
  const repoUrl = `${process.env.GITHUB_SERVER_URL || "https://github.com"}/${owner}/${repo}`;
  const notes = [...trustNotes(settings.changedByPr), ...withArtifacts.notes];
  const written = writeOutputFiles(result, { inputs, sources, policies: settings.policies });
  const planner = channelPlanner(result, { inputs, sources, repoUrl, sha: pr.headSha, notes, policies: settings.policies }, written);
  const review = await reviewOrExplain(client, { event, pr, inputs, result, files, unchangedTexts, repoUrl, policies: settings.policies, planner }, notes);
  const failing = await publish(
    result,
    {
      inputs,
      sources,
      repoUrl,
      sha: pr.headSha,
      inReview: review.inReview,
      reviewPosted: !review.degraded,
      reviewUrl: review.reviewUrl,
      notes,
      policies: settings.policies
    },
    planner
  );
  return { result, failing: failing + (configFailed ? 1 : 0), reviewUrl: review.reviewUrl, degraded: review.degraded };
}
async function runWithRenders(runPolicies, sources, policies, engine, ctx) {
  if (ctx.inputs.render === false) return runPolicies(sources, policies, engine);
  const [{ renderForPullRequest }, { commitObjects }] = await Promise.all([import("./chunk-NFX3WUB2.js"), import("./chunk-WWQDWXI7.js")]);
  const head = commitObjects(ctx.workspace, ctx.headSha, ctx.api);
  const rendered = await renderForPullRequest(head, ctx.workspace, ctx.changed, ctx.inputs, policies, engine, ctx.helmCharts);
  if (!rendered) return runPolicies(sources, policies, engine);
  if ("notRendered" in rendered) {
    if (sources.some((s) => isRenderRootFile(s.path) || s.path.includes("/templates/")))
      notice(`kube-immutable: Helm charts and Kustomize overlays were not rendered (${rendered.notRendered}); their files were scanned as plain YAML.`);
    return runPolicies(sources, policies, engine);
  }
  for (const p of rendered.problems) warning2(`kube-immutable: ${p}`);
  info(
    `kube-immutable: rendered ${rendered.rendered.charts} chart(s) and Kustomize root(s) (${rendered.rendered.objects} objects) from ${rendered.rendered.files} file(s) of ${head.label}.`
  );
  const { joinParts } = await import("./chunk-EXXGR7P2.js");
  const plain = runPolicies(
    sources.filter((s) => !rendered.excluded.has(s.path)),
    policies,
    engine
  );
  return joinParts([rendered.join.plain(plain), rendered.join.rest()]);
}
function changedManifests(changes, include, exclude, renderRoots = false) {
  const roots = renderRoots ? [...include, ...RENDER_ROOT_GLOBS] : include;
  return changes.filter((f) => f.status !== "removed" && matchesGlobs(f.path, roots, exclude));
}
function pathsChanged(changes) {
  return new Set(changes.flatMap((c) => c.previousPath ? [c.path, c.previousPath] : [c.path]));
}
function noManifest(configFailed, changed, include, exclude) {
  notice(`kube-immutable: ${noManifestChanged(changed, include, exclude, "in this pull request")}`);
  setZeroOutputs();
  return { result: void 0, failing: configFailed ? 1 : 0, reviewUrl: void 0, degraded: false };
}
async function changedFiles(client, event, pr, workspace) {
  const listed = await listChanges(client, event, pr, workspace);
  if (!listed.capped) return listed.files;
  const local = gitChanges(workspace, pr.baseSha, pr.headSha);
  if (local) {
    warning2(
      `This pull request changes more than ${PULL_FILES_CAP} files, the most GitHub lists; the changed files were taken from the local git history instead.`
    );
    return fromGit(local);
  }
  warning2(
    `This pull request changes more than ${PULL_FILES_CAP} files, the most GitHub lists: only those ${PULL_FILES_CAP} were scanned. Check out both commits (actions/checkout with fetch-depth: 0) to scan all of them.`
  );
  return listed.files;
}
function fromGit(local) {
  return local.map((c) => ({ path: c.path, previousPath: c.previousPath, status: c.status, blobSha: "", patch: c.patch }));
}
async function reviewFiles(sources, candidates, base, diff) {
  const files = /* @__PURE__ */ new Map();
  for (const s of sources) {
    const change = candidates.find((c) => c.path === s.path);
    let hunks;
    if (change.patch !== void 0) {
      try {
        hunks = diff.parsePatch(change.patch);
      } catch (err) {
        warning2(`kube-immutable: the diff GitHub gave for ${s.path} does not parse (${err.message}); diffing the files instead.`);
      }
    }
    if (!hunks) {
      try {
        const baseText = change.status === "added" ? void 0 : await base.read(change.previousPath ?? change.path);
        hunks = diff.hunksBetween(baseText, s.text);
      } catch (err) {
        warning2(
          `kube-immutable: could not read ${change.previousPath ?? change.path} at the base commit (${err.message}); no diff, so its findings cannot be inline comments.`
        );
        hunks = [];
      }
    }
    files.set(s.path, { headText: s.text, hunks });
  }
  return files;
}
var MAX_UNCHANGED_FIX_FILES = 20;
function unchangedFixFiles(result, files) {
  const reported = new Set(result.findings.filter((f) => f.suppressed === void 0 && f.fixId !== void 0).map((f) => f.fixId));
  const out = /* @__PURE__ */ new Set();
  for (const g of result.fixes) {
    if (out.size >= MAX_UNCHANGED_FIX_FILES) break;
    if (g.verified && g.edits.length > 0 && reported.has(g.id) && !files.has(g.file)) out.add(g.file);
  }
  return [...out];
}
async function readTexts(reader, paths) {
  const out = /* @__PURE__ */ new Map();
  for (const p of paths) {
    try {
      const text = await reader.read(p);
      if (text !== void 0) out.set(p, text);
    } catch (err) {
      info(`kube-immutable: could not read ${p} at the head commit (${err.message}); the review body lists its fix without a diff.`);
    }
  }
  return out;
}
function trustNotes(changedByPr) {
  if (changedByPr.length === 0) return [];
  const list = changedByPr.join(", ");
  notice(
    `kube-immutable: this pull request changes ${list}; the configuration and custom policies of the base commit were used (they are never taken from a pull request).`
  );
  return [`This pull request changes ${list}: the base commit's configuration and custom policies were used, as always.`];
}
async function trustedBuildArtifacts(engine, sources, trusted, changed, workspace, who = "this pull request") {
  const { withBuildArtifacts, SKAFFOLD_FILE } = await import("./chunk-AHXSHHNZ.js");
  const before = new Set(trusted.problems);
  const inWorkspace = (config) => {
    try {
      return lstatSync2(join(workspace, config)).isFile();
    } catch {
      return false;
    }
  };
  const r = await withBuildArtifacts(
    engine,
    sources.map((s) => s.path),
    { read: (p) => trusted.read(p) },
    trusted.commitIsLocal ? void 0 : inWorkspace
  );
  for (const p of [...r.problems, ...trusted.problems.filter((p2) => !before.has(p2))]) warning2(`kube-immutable: ${p}`);
  const touched = [...changed].filter((p) => p === SKAFFOLD_FILE || p.endsWith(`/${SKAFFOLD_FILE}`)).sort();
  if (touched.length === 0) return { engine: r.engine, notes: [] };
  const list = touched.join(", ");
  notice(
    `kube-immutable: ${who} changes ${list}; Skaffold build artifacts were read from the base commit only (an image it makes an artifact is still checked as an unpinned image).`
  );
  return {
    engine: r.engine,
    notes: [`${who.charAt(0).toUpperCase()}${who.slice(1)} changes ${list}: Skaffold build artifacts were read from the base commit, not from ${who}.`]
  };
}
async function reviewOrExplain(client, ctx, notes) {
  const { pr, result, planner } = ctx;
  const withoutReview = (level) => {
    const slots = slotsLeft();
    const plan = planner.plan(/* @__PURE__ */ new Set(), { ...slots, [level]: Math.max(0, slots[level] - 1), total: Math.max(0, slots.total - 1) });
    return plan.reportedIn(result.findings.filter((f) => f.suppressed === void 0));
  };
  try {
    const posted = await postTheReview(client, ctx);
    if (!("movedTo" in posted)) return { reviewUrl: posted.url, degraded: false, inReview: posted.carried };
    const from = pr.headSha.slice(0, 12);
    const to = posted.movedTo.slice(0, 12);
    notice(
      `kube-immutable: the pull request's head moved from ${from} to ${to} (a newer push) while this run scanned ${from}; no review was posted, so no comment points at outdated lines. The run for ${to} posts the review; the findings for ${from} are reported ${withoutReview("notice")}.`
    );
    notes.push(
      `No review was posted: the pull request's head moved to ${to} during this run, which scanned ${from}. The run for the newer commit posts the review.`
    );
  } catch (err) {
    const failure = reviewFailure(err, pr.fromFork, withoutReview("warning"));
    warning2(failure.warning);
    notes.push(failure.note);
  }
  return { reviewUrl: void 0, degraded: true, inReview: /* @__PURE__ */ new Set() };
}
function reviewFailure(err, fromFork, where) {
  if (isReadOnlyTokenError(err)) {
    const why2 = fromFork ? "this pull request comes from a fork, and its token is read-only" : "the token may not write to this repository";
    return {
      warning: `kube-immutable could not post its review: ${why2} (GitHub answered 403 "${err.message}"). Findings are reported ${where} instead. To get review comments on fork pull requests, run kube-immutable from a pull_request_target workflow (see the README: fork-safe setup).`,
      note: `No review was posted: ${why2}. See the README for a fork-safe setup.`
    };
  }
  const status = httpStatus(err);
  const why = `GitHub ${status === void 0 ? "failed" : `answered ${status}`}: ${err.message}`;
  return { warning: `kube-immutable could not post its review (${why}). Findings are reported ${where} instead.`, note: `No review was posted (${why}).` };
}
async function postTheReview(client, ctx) {
  const { owner, repo } = ctx.event;
  const [{ parseMarker }, { planReview }] = await Promise.all([import("./chunk-BSUEV65Y.js"), import("./chunk-DBODKTHG.js")]);
  const now = await readPullRequest(client, owner, repo, ctx.pr.number);
  if (now.headSha !== ctx.pr.headSha) return { movedTo: now.headSha };
  const isOurs = (body) => parseMarker(body) !== void 0;
  const comments = now.reviewComments === 0 ? [] : await listReviewComments(client, owner, repo, ctx.pr.number, isOurs);
  const existing = [...comments, ...await listReviewBodies(client, owner, repo, ctx.pr.number, isOurs)];
  const plan = planReview({
    result: ctx.result,
    files: ctx.files,
    unchangedTexts: ctx.unchangedTexts,
    filterMode: ctx.inputs.filterMode,
    maxComments: ctx.inputs.maxComments,
    commentLevel: ctx.inputs.commentLevel,
    existing,
    headSha: ctx.pr.headSha,
    repoUrl: ctx.repoUrl,
    policies: ctx.policies,
    elsewhere: (findings, carried) => ctx.planner.plan(carried).describe(findings)
  });
  if (plan.staleCommentIds.length > 0) {
    const failed = await deleteReviewComments(client, owner, repo, plan.staleCommentIds);
    if (failed.length > 0) warning2(`kube-immutable could not delete ${failed.length} of its outdated comments.`);
  }
  if (plan.nothingNew) {
    info("kube-immutable: every finding is already commented on; no new review.");
    return { url: void 0, carried: new Set(plan.carried) };
  }
  const posted = await createReview(client, {
    owner,
    repo,
    pullNumber: ctx.pr.number,
    commitId: ctx.pr.headSha,
    event: ctx.inputs.reviewEvent,
    body: plan.body,
    comments: plan.comments.map((c) => ({
      path: c.path,
      body: c.body,
      line: c.line,
      side: "RIGHT",
      ...c.startLine !== void 0 ? { start_line: c.startLine, start_side: "RIGHT" } : {}
    })),
    fallbackBody: () => plan.fallbackBody,
    onRetry: (m) => info(`kube-immutable: ${m}`)
  });
  if (!posted.inline) warning2("GitHub rejected the inline comments (422); the review was posted with every finding in its body instead.");
  return { url: posted.url, carried: new Set(posted.inline ? plan.carried : plan.fallbackCarried) };
}
async function listChanges(client, event, pr, workspace) {
  try {
    return await listPullFiles(client, event.owner, event.repo, pr.number);
  } catch (err) {
    const local = gitChanges(workspace, pr.baseSha, pr.headSha);
    if (!local)
      throw new Error(
        `could not list the pull request's changed files: GitHub ${httpStatus(err) === void 0 ? "failed" : `answered ${httpStatus(err)}`}: ${err.message}`,
        { cause: err }
      );
    warning2(`kube-immutable: could not list the pull request's changed files (${err.message}); they were taken from the local git history instead.`);
    return { files: fromGit(local), capped: false };
  }
}
function reportSettingsProblems(problems) {
  for (const p of problems) {
    const m = /^(.+?):(\d+):(\d+): (.*)$/.exec(p);
    if (m && Number(m[2]) > 0)
      error(`kube-immutable configuration: ${m[4]}`, {
        file: m[1],
        startLine: Number(m[2]),
        startColumn: Number(m[3]) || void 0,
        title: "kube-immutable configuration"
      });
    else error(`kube-immutable configuration: ${p}`);
  }
  return problems.length > 0;
}
function setZeroOutputs() {
  for (const k of ["findings", "errors", "warnings"]) setOutput(k, 0);
  for (const k of ["sarif-file", "patch-file", "review-url"]) setOutput(k, "");
}
async function engineWithDigests(inputs, engine, sources) {
  if (inputs.inspectImages) {
    const { inspectImageConfigs } = await import("./chunk-JLWKZ47E.js");
    const r2 = await inspectImageConfigs(sources, engine, process.env, { registries: inputs.registries ?? [], setting: "input registries" });
    for (const f of r2.failures) warning2(`kube-immutable: ${f}`);
    info(`kube-immutable: read ${r2.inspected} image config${r2.inspected === 1 ? "" : "s"}.`);
    engine = r2.engine;
  }
  if (!inputs.resolveDigests) return engine;
  const { resolveImageDigests } = await import("./chunk-YLUPDQJB.js");
  const r = await resolveImageDigests(sources, engine, process.env, { registries: inputs.registries ?? [], setting: "input registries" });
  for (const f of r.failures) warning2(`kube-immutable: ${f}`);
  info(`kube-immutable: resolved ${r.resolved} image digest${r.resolved === 1 ? "" : "s"}.`);
  return r.engine;
}

export {
  createClient,
  compareFiles,
  withBaseExemptions,
  commitReader,
  readSources,
  trustedReader,
  loadTrustedSettings,
  noManifestChanged,
  matchesGlobs,
  pullRequestFlow,
  changedManifests,
  pathsChanged,
  fromGit,
  MAX_UNCHANGED_FIX_FILES,
  unchangedFixFiles,
  trustedBuildArtifacts,
  reviewFailure,
  reportSettingsProblems,
  engineWithDigests
};
