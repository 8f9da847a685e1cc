import { createRequire as __ctxOpsRequire } from 'node:module'; globalThis.require ??= __ctxOpsRequire(import.meta.url);
import {
  excerpt,
  listSome
} from "./chunk-QSRIQDF5.js";
import {
  __commonJS,
  __export,
  __require,
  __toESM
} from "./chunk-55LKJ45A.js";

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node2) => !!node2 && typeof node2 === "object" && node2[NODE_TYPE] === ALIAS;
    var isDocument = (node2) => !!node2 && typeof node2 === "object" && node2[NODE_TYPE] === DOC;
    var isMap = (node2) => !!node2 && typeof node2 === "object" && node2[NODE_TYPE] === MAP;
    var isPair = (node2) => !!node2 && typeof node2 === "object" && node2[NODE_TYPE] === PAIR;
    var isScalar = (node2) => !!node2 && typeof node2 === "object" && node2[NODE_TYPE] === SCALAR;
    var isSeq = (node2) => !!node2 && typeof node2 === "object" && node2[NODE_TYPE] === SEQ;
    function isCollection(node2) {
      if (node2 && typeof node2 === "object")
        switch (node2[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode2(node2) {
      if (node2 && typeof node2 === "object")
        switch (node2[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node2) => (isScalar(node2) || isCollection(node2)) && !!node2.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap;
    exports.isNode = isNode2;
    exports.isPair = isPair;
    exports.isScalar = isScalar;
    exports.isSeq = isSeq;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node2, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node2)) {
        const cd = visit_(null, node2.contents, visitor_, Object.freeze([node2]));
        if (cd === REMOVE)
          node2.contents = null;
      } else
        visit_(null, node2, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node2, visitor, path2) {
      const ctrl = callVisitor(key, node2, visitor, path2);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path2, ctrl);
        return visit_(key, ctrl, visitor, path2);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node2)) {
          path2 = Object.freeze(path2.concat(node2));
          for (let i = 0; i < node2.items.length; ++i) {
            const ci = visit_(i, node2.items[i], visitor, path2);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node2.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node2)) {
          path2 = Object.freeze(path2.concat(node2));
          const ck = visit_("key", node2.key, visitor, path2);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node2.key = null;
          const cv = visit_("value", node2.value, visitor, path2);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node2.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node2, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node2)) {
        const cd = await visitAsync_(null, node2.contents, visitor_, Object.freeze([node2]));
        if (cd === REMOVE)
          node2.contents = null;
      } else
        await visitAsync_(null, node2, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node2, visitor, path2) {
      const ctrl = await callVisitor(key, node2, visitor, path2);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path2, ctrl);
        return visitAsync_(key, ctrl, visitor, path2);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node2)) {
          path2 = Object.freeze(path2.concat(node2));
          for (let i = 0; i < node2.items.length; ++i) {
            const ci = await visitAsync_(i, node2.items[i], visitor, path2);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node2.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node2)) {
          path2 = Object.freeze(path2.concat(node2));
          const ck = await visitAsync_("key", node2.key, visitor, path2);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node2.key = null;
          const cv = await visitAsync_("value", node2.value, visitor, path2);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node2.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node2, visitor, path2) {
      if (typeof visitor === "function")
        return visitor(key, node2, path2);
      if (identity.isMap(node2))
        return visitor.Map?.(key, node2, path2);
      if (identity.isSeq(node2))
        return visitor.Seq?.(key, node2, path2);
      if (identity.isPair(node2))
        return visitor.Pair?.(key, node2, path2);
      if (identity.isScalar(node2))
        return visitor.Scalar?.(key, node2, path2);
      if (identity.isAlias(node2))
        return visitor.Alias?.(key, node2, path2);
      return void 0;
    }
    function replaceNode(key, path2, node2) {
      const parent = path2[path2.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node2;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node2;
        else
          parent.value = node2;
      } else if (identity.isDocument(parent)) {
        parent.contents = node2;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line2, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line2.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version2] = parts;
            if (version2 === "1.1" || version2 === "1.2") {
              this.yaml.version = version2;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version2);
              onError(6, `Unsupported YAML version ${version2}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error2) {
            onError(String(error2));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node2) => {
            if (identity.isNode(node2) && node2.tag)
              tags[node2.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor2) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor2)) {
        const sa = JSON.stringify(anchor2);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node2) {
          if (node2.anchor)
            anchors.add(node2.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor2 = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor2);
          return anchor2;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error2 = new Error("Failed to resolve repeated object (this should not happen)");
              error2.source = source;
              throw error2;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node2 = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node2.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node2) => {
              if (identity.isAlias(node2) || identity.hasAnchor(node2))
                nodes.push(node2);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node2 of nodes) {
          if (node2 === this)
            break;
          if (node2.anchor === this.source)
            found = node2;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node2, anchors2) {
      if (identity.isAlias(node2)) {
        const source = node2.resolve(doc);
        const anchor2 = anchors2 && source && anchors2.get(source);
        return anchor2 ? anchor2.count * anchor2.aliasCount : 0;
      } else if (identity.isCollection(node2)) {
        let count = 0;
        for (const item of node2.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node2)) {
        const kc = getAliasCount(doc, node2.key, anchors2);
        const vc = getAliasCount(doc, node2.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node2 = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node2.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node3 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node3;
          return node3;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node2 = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node2.tag = tagName;
      else if (!tagObj.default)
        node2.tag = tagObj.tag;
      if (ref)
        ref.node = node2;
      return node2;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node2 = require_Node();
    function collectionFromPath(schema, path2, value) {
      let v = value;
      for (let i = path2.length - 1; i >= 0; --i) {
        const k = path2[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path2) => path2 == null || typeof path2 === "object" && !!path2[Symbol.iterator]().next().done;
    var Collection = class extends Node2.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path2, value) {
        if (isEmptyPath(path2))
          this.add(value);
        else {
          const [key, ...rest] = path2;
          const node2 = this.get(key, true);
          if (identity.isCollection(node2))
            node2.addIn(rest, value);
          else if (node2 === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path2) {
        const [key, ...rest] = path2;
        if (rest.length === 0)
          return this.delete(key);
        const node2 = this.get(key, true);
        if (identity.isCollection(node2))
          return node2.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path2, keepScalar) {
        const [key, ...rest] = path2;
        const node2 = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node2) ? node2.value : node2;
        else
          return identity.isCollection(node2) ? node2.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node2) => {
          if (!identity.isPair(node2))
            return false;
          const n2 = node2.value;
          return n2 == null || allowScalar && identity.isScalar(n2) && n2.value == null && !n2.commentBefore && !n2.comment && !n2.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path2) {
        const [key, ...rest] = path2;
        if (rest.length === 0)
          return this.has(key);
        const node2 = this.get(key, true);
        return identity.isCollection(node2) ? node2.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path2, value) {
        const [key, ...rest] = path2;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node2 = this.get(key, true);
          if (identity.isCollection(node2))
            node2.setIn(rest, value);
          else if (node2 === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt2 = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt2.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt2.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt2.indent === "number" ? " ".repeat(opt2.indent) : "  ",
        inFlow,
        options: opt2
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node2, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor2 = (identity.isScalar(node2) || identity.isCollection(node2)) && node2.anchor;
      if (anchor2 && anchors.anchorIsValid(anchor2)) {
        anchors$1.add(anchor2);
        props.push(`&${anchor2}`);
      }
      const tag = node2.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node2 = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node2));
      const props = stringifyProps(node2, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node2, ctx, onComment, onChompKeep) : identity.isScalar(node2) ? stringifyString.stringifyString(node2, ctx, onComment, onChompKeep) : node2.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node2) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge2 = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge2.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge2.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge2.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge2;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log2 = require_log();
    var merge2 = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge2.isMergeKey(ctx, key))
        merge2.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node2 of ctx.anchors.keys())
          strCtx.anchors.add(node2.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log2.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line2 = lines[i];
          str += line2 ? `
${indent}${line2}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line2) => sum + line2.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line2) => sum + line2.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line2 of lines)
            str += line2 ? `
${indentStep}${indent}${line2}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node2 = it?.value;
        return (!keepScalar && identity.isScalar(node2) ? node2.value : node2) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string4 = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string4;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n2 = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n2) && !n2.includes("e")) {
        let i = n2.indexOf(".");
        if (i < 0) {
          i = n2.length;
          n2 += ".";
        }
        let d = minFractionDigits - (n2.length - i - 1);
        while (d-- > 0)
          n2 += "0";
      }
      return n2;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node2) {
        const num = Number(node2.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node2);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node2 = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node2.minFractionDigits = str.length - dot - 1;
        return node2;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node2, radix, prefix) {
      const { value } = node2;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node2);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt2) => intResolve(str, 2, 8, opt2),
      stringify: (node2) => intStringify(node2, 8, "0o")
    };
    var int2 = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt2) => intResolve(str, 0, 10, opt2),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt2) => intResolve(str, 2, 16, opt2),
      stringify: (node2) => intStringify(node2, 16, "0x")
    };
    exports.int = int2;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null3 = require_null();
    var seq = require_seq();
    var string4 = require_string();
    var bool = require_bool();
    var float = require_float();
    var int2 = require_int();
    var schema = [
      map.map,
      seq.seq,
      string4.string,
      _null3.nullTag,
      bool.boolTag,
      int2.intOct,
      int2.int,
      int2.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n2 = Math.ceil(str.length / lineWidth);
          const lines = new Array(n2);
          for (let i = 0, o = 0; i < n2; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys2 = Object.keys(it);
            if (keys2.length === 1) {
              key = keys2[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys2.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node2) {
        const num = Number(node2.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node2);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node2 = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node2.minFractionDigits = f.length;
        }
        return node2;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n3 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n3 : n3;
      }
      const n2 = parseInt(str, radix);
      return sign === "-" ? -1 * n2 : n2;
    }
    function intStringify(node2, radix, prefix) {
      const { value } = node2;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node2);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt2) => intResolve(str, 2, 2, opt2),
      stringify: (node2) => intStringify(node2, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt2) => intResolve(str, 1, 8, opt2),
      stringify: (node2) => intStringify(node2, 8, "0")
    };
    var int2 = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt2) => intResolve(str, 0, 10, opt2),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt2) => intResolve(str, 2, 16, opt2),
      stringify: (node2) => intStringify(node2, 16, "0x")
    };
    exports.int = int2;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n2) => asBigInt ? BigInt(n2) : Number(n2);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node2) {
      let { value } = node2;
      let num = (n2) => n2;
      if (typeof value === "bigint")
        num = (n2) => BigInt(n2);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node2);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n2) => String(n2).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day2, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date3 = Date.UTC(year, month - 1, day2, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date3 -= 6e4 * d;
        }
        return new Date(date3);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null3 = require_null();
    var seq = require_seq();
    var string4 = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int2 = require_int2();
    var merge2 = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string4.string,
      _null3.nullTag,
      bool.trueTag,
      bool.falseTag,
      int2.intBin,
      int2.intOct,
      int2.int,
      int2.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge2.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null3 = require_null();
    var seq = require_seq();
    var string4 = require_string();
    var bool = require_bool();
    var float = require_float();
    var int2 = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge2 = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string4.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int2.int,
      intHex: int2.intHex,
      intOct: int2.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge2.merge,
      null: _null3.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge2.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge2.merge) ? schemaTags.concat(merge2.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys2 = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys2} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge2.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys2 = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys2}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string4 = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge: merge2, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge2);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string4.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt2 = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt2;
        let { version: version2 } = opt2;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version2 = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version: version2 });
        this.setSchema(version2, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path2, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path2, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node2, name) {
        if (!node2.anchor) {
          const prev = anchors.anchorNames(this);
          node2.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node2.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node2 = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node2))
          node2.flow = true;
        setAnchors();
        return node2;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path2) {
        if (Collection.isEmptyPath(path2)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path2) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path2, keepScalar) {
        if (Collection.isEmptyPath(path2))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path2, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path2) {
        if (Collection.isEmptyPath(path2))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path2) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path2, value) {
        if (Collection.isEmptyPath(path2)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path2), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path2, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version2, options = {}) {
        if (typeof version2 === "number")
          version2 = String(version2);
        let opt2;
        switch (version2) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt2 = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version2;
            else
              this.directives = new directives.Directives({ version: version2 });
            opt2 = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt2 = null;
            break;
          default: {
            const sv = JSON.stringify(version2);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt2)
          this.schema = new Schema.Schema(Object.assign(opt2, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error2) => {
      if (error2.pos[0] === -1)
        return;
      error2.linePos = error2.pos.map((pos) => lc.linePos(pos));
      const { line: line2, col } = error2.linePos[0];
      error2.message += ` at line ${line2}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line2 - 1], lc.lineStarts[line2]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line2 > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line2 - 2], lc.lineStarts[line2 - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error2.linePos[1];
        if (end?.line === line2 && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error2.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor2 = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor2 || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor2)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor2 = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor2 || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor: anchor2,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node2 = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node2.range[2];
        seq.items.push(node2);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap = fc.start.source === "{";
      const fcName = isMap ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor: anchor2, newlineAfterProp: nl } = props;
        const lastProp = anchor2 && tagToken ? anchor2.offset > tagToken.offset ? anchor2 : tagToken : anchor2 ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node2 = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node2.range = coll.range;
      node2.tag = tagName;
      if (tag?.format)
        node2.format = tag.format;
      return node2;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error2 = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n2 = Number(ch);
          if (!indent && n2)
            indent = n2;
          else if (error2 === -1)
            error2 = offset + i;
        }
      }
      if (error2 !== -1)
        onError(error2, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line2 = /(.*?)\r?\n/sy;
      let match = line2.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line2.lastIndex;
      while (match = line2.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line2.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error2) {
        const msg = error2 instanceof Error ? error2.message : String(error2);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor: anchor2, tag } = props;
      let node2;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node2 = composeAlias(ctx, token, onError);
          if (anchor2 || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node2 = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor2)
            node2.anchor = anchor2.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node2 = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor2)
              node2.anchor = anchor2.source.substring(1);
          } catch (error2) {
            const message = error2 instanceof Error ? error2.message : String(error2);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node2 ?? (node2 = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor2 && node2.anchor === "")
        onError(anchor2, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node2) || typeof node2.value !== "string" || node2.tag && node2.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node2.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node2.comment = comment;
        else
          node2.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node2.srcToken = token;
      return node2;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor: anchor2, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node2 = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor2) {
        node2.anchor = anchor2.source.substring(1);
        if (node2.anchor === "")
          onError(anchor2, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node2.spaceBefore = true;
      if (comment) {
        node2.comment = comment;
        node2.range[2] = end;
      }
      return node2;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error2 = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error2);
            else
              this.doc.errors.push(error2);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path2) => {
      let item = cst;
      for (const [field, index] of path2) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path2) => {
      const parent = visit.itemAtPath(cst, path2.slice(0, -1));
      const field = path2[path2.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path2, item, visitor) {
      let ctrl = visitor(item, path2);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path2.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path2);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path2) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n2) {
        return this.buffer[this.pos + n2];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n2) {
        return this.pos + n2 <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n2) {
        return this.buffer.substr(this.pos, n2);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line2 = this.getLine();
        if (line2 === null)
          return this.setNext("stream");
        if (line2[0] === cst.BOM) {
          yield* this.pushCount(1);
          line2 = line2.substring(1);
        }
        if (line2[0] === "%") {
          let dirEnd = line2.length;
          let cs = line2.indexOf("#");
          while (cs !== -1) {
            const ch = line2[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line2.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line2[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n2 = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line2.length - n2);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line2.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n2 = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n2;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line2 = this.getLine();
        if (line2 === null)
          return this.setNext("doc");
        let n2 = yield* this.pushIndicators();
        switch (line2[n2]) {
          case "#":
            yield* this.pushCount(line2.length - n2);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n2 += yield* this.parseBlockScalarHeader();
            n2 += yield* this.pushSpaces(true);
            yield* this.pushCount(line2.length - n2);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line2 = this.getLine();
        if (line2 === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line2[0] !== "#" || indent === 0 && (line2.startsWith("---") || line2.startsWith("...")) && isEmpty(line2[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line2[0] === "]" || line2[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n2 = 0;
        while (line2[n2] === ",") {
          n2 += yield* this.pushCount(1);
          n2 += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n2 += yield* this.pushIndicators();
        switch (line2[n2]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line2.length - n2);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n2 = 0;
            while (this.buffer[end - 1 - n2] === "\\")
              n2 += 1;
            if (n2 % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n2) {
        if (n2 > 0) {
          yield this.buffer.substr(this.pos, n2);
          this.pos += n2;
          return n2;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n2 = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n2 += yield* this.pushTag();
              n2 += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n2 += yield* this.pushUntil(isNotAnchorChar);
              n2 += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n2 += yield* this.pushCount(1);
                n2 += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n2;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n2 = i - this.pos;
        if (n2 > 0) {
          yield this.buffer.substr(this.pos, n2);
          this.pos = i;
        }
        return n2;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n2) {
        return this.stack[this.stack.length - n2];
      }
      *pop(error2) {
        const token = error2 ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log2 = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse2(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log2.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse2;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// src/util/package-root.ts
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
function packageRoot(from = fileURLToPath(import.meta.url)) {
  let dir = dirname(from);
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error(`ctx-ops: cannot find its package.json above ${from}`);
}
function packagePath(...parts) {
  return join(packageRoot(), ...parts);
}

// src/util/tokenize.ts
function tokenize(text) {
  const normalised = text.replace(/[\u201C\u201D]/g, '"').replace(/[\u2018\u2019]/g, "'");
  const out = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  let m;
  while (m = re.exec(normalised)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}
function extractFlags(args, known) {
  const flags = {};
  const rest = [];
  const errors = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const m = /^--([a-z][\w-]*)(?:=(.*))?$/.exec(a);
    if (!m) {
      rest.push(a);
      continue;
    }
    const [, name, inline] = m;
    if (known.withValue?.includes(name)) {
      const v = inline ?? args[++i];
      if (v === void 0) errors.push(`--${name} needs a value`);
      else flags[name] = v;
    } else if (known.bare?.includes(name)) flags[name] = true;
    else errors.push(`unknown option --${name}`);
  }
  return { flags, rest, errors };
}
function closest(word, candidates) {
  const w = word.toLowerCase();
  let best;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  const allowed = w.length <= 4 ? 1 : w.length <= 8 ? 2 : 3;
  if (best !== void 0 && bestD <= allowed) return best;
  if (w.length >= 3)
    return candidates.find((c) => c.length >= 3 && (w.startsWith(c.toLowerCase()) || c.toLowerCase().startsWith(w)));
  return void 0;
}
function distance(a, b) {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = Array.from(
    { length: rows },
    (_, i) => Array.from({ length: cols }, (_2, j) => i === 0 ? j : j === 0 ? i : 0)
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
    }
  }
  return d[a.length][b.length];
}

// src/config/problems.ts
var formatProblem = (p) => `${p.source}: ${p.key ? `${p.key}: ` : ""}${p.message}`;
function formatProblems(problems, warnings = []) {
  const lines = problems.map((p) => `  - ${formatProblem(p)}`);
  return [
    `ctx-ops: the configuration has ${problems.length} problem${problems.length === 1 ? "" : "s"}:`,
    ...lines,
    ...warnings.length ? ["and these warnings:", ...warnings.map((w) => `  - ${formatProblem(w)}`)] : []
  ].join("\n");
}
function pathToKey(path2) {
  return path2.map((p, i) => typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`).join("");
}
function zodProblems(error2, source, locate = () => source, suggestions = /* @__PURE__ */ new Map()) {
  const out = [];
  for (const issue2 of error2.issues) {
    const path2 = issue2.path;
    if (issue2.code === "unrecognized_keys") {
      for (const key of issue2.keys) {
        const name = pathToKey([...path2, key]);
        const guess = suggestions.get(name);
        out.push({
          source: locate([...path2, key]),
          key: name,
          message: `unknown key (not a ctx-ops setting; ${guess ? `did you mean \`${guess}\`?` : "check the spelling"})`
        });
      }
      continue;
    }
    out.push({ source: locate(path2), key: pathToKey(path2), message: humanMessage(issue2) });
  }
  return out;
}
function keySuggestions(error2, schema) {
  const out = /* @__PURE__ */ new Map();
  for (const issue2 of error2.issues) {
    if (issue2.code !== "unrecognized_keys") continue;
    const known = objectKeysAt(schema, issue2.path);
    if (!known.length) continue;
    for (const key of issue2.keys) {
      const guess = closest(key, known) ?? known.find((k) => k.toLowerCase() === key.toLowerCase());
      if (guess) out.set(pathToKey([...issue2.path, key]), guess);
    }
  }
  return out;
}
var defOf = (s) => s._zod.def;
function objectKeysAt(schema, path2) {
  let nodes = [schema];
  for (const step of [...path2, null]) {
    const reached = [];
    const seen = /* @__PURE__ */ new Set();
    const stack = [...nodes];
    while (stack.length) {
      const s = stack.pop();
      if (seen.has(s)) continue;
      seen.add(s);
      const d = defOf(s);
      if (d.innerType) stack.push(d.innerType);
      else if (d.type === "pipe") stack.push(...[d.in, d.out].filter((x) => Boolean(x)));
      else if (d.type === "union" && d.options) stack.push(...d.options);
      else if (d.type === "lazy" && d.getter) stack.push(d.getter());
      else reached.push(s);
    }
    if (step === null) return reached.flatMap((s) => Object.keys(defOf(s).shape ?? {}));
    const next = [];
    for (const s of reached) {
      const d = defOf(s);
      if (d.type === "object" && typeof step === "string" && d.shape?.[step]) next.push(d.shape[step]);
      else if (d.type === "array" && typeof step === "number" && d.element) next.push(d.element);
      else if (d.type === "record" && d.valueType) next.push(d.valueType);
    }
    nodes = next;
    if (!nodes.length) return [];
  }
  return [];
}
function humanMessage(issue2) {
  if (issue2.code === "invalid_type" && issue2.message.includes("received undefined")) return "is required";
  return issue2.message;
}
var PARSE_ONCE = { jitless: true };

// node_modules/zod/v4/core/util.js
var util_exports = {};
__export(util_exports, {
  BIGINT_FORMAT_RANGES: () => BIGINT_FORMAT_RANGES,
  CONSTANT_CATCH: () => CONSTANT_CATCH,
  Class: () => Class,
  NUMBER_FORMAT_RANGES: () => NUMBER_FORMAT_RANGES,
  aborted: () => aborted,
  allowsEval: () => allowsEval,
  assert: () => assert,
  assertEqual: () => assertEqual,
  assertIs: () => assertIs,
  assertNever: () => assertNever,
  assertNotEqual: () => assertNotEqual,
  assignProp: () => assignProp,
  attachSchema: () => attachSchema,
  base64ToUint8Array: () => base64ToUint8Array,
  base64urlToUint8Array: () => base64urlToUint8Array,
  cached: () => cached,
  captureStackTrace: () => captureStackTrace,
  cleanEnum: () => cleanEnum,
  cleanRegex: () => cleanRegex,
  clone: () => clone,
  cloneDef: () => cloneDef,
  codePointLength: () => codePointLength,
  constantCatch: () => constantCatch,
  createTransparentProxy: () => createTransparentProxy,
  defineLazy: () => defineLazy,
  defineLazyInternal: () => defineLazyInternal,
  derived: () => derived,
  esc: () => esc,
  escapeRegex: () => escapeRegex,
  explicitlyAborted: () => explicitlyAborted,
  extend: () => extend,
  finalizeIssue: () => finalizeIssue,
  floatSafeRemainder: () => floatSafeRemainder,
  getElementAtPath: () => getElementAtPath,
  getEnumValues: () => getEnumValues,
  getLengthableOrigin: () => getLengthableOrigin,
  getParsedType: () => getParsedType,
  getSizableOrigin: () => getSizableOrigin,
  hexToUint8Array: () => hexToUint8Array,
  hide: () => hide,
  installLazyProp: () => installLazyProp,
  isObject: () => isObject,
  isPlainObject: () => isPlainObject,
  issue: () => issue,
  joinValues: () => joinValues,
  jsonStringifyReplacer: () => jsonStringifyReplacer,
  members: () => members,
  merge: () => merge,
  mergeDefs: () => mergeDefs,
  normalizeParams: () => normalizeParams,
  nullish: () => nullish,
  numKeys: () => numKeys,
  objectClone: () => objectClone,
  omit: () => omit,
  optionalKeys: () => optionalKeys,
  own: () => own,
  parsedType: () => parsedType,
  partial: () => partial,
  pick: () => pick,
  prefixIssues: () => prefixIssues,
  primitiveTypes: () => primitiveTypes,
  promiseAllObject: () => promiseAllObject,
  propertyKeyTypes: () => propertyKeyTypes,
  randomString: () => randomString,
  rawShape: () => rawShape,
  required: () => required,
  safeExtend: () => safeExtend,
  shallowClone: () => shallowClone,
  sizeCaps: () => sizeCaps,
  slugify: () => slugify,
  stringifyPrimitive: () => stringifyPrimitive,
  toZod: () => toZod,
  uint8ArrayToBase64: () => uint8ArrayToBase64,
  uint8ArrayToBase64url: () => uint8ArrayToBase64url,
  uint8ArrayToHex: () => uint8ArrayToHex,
  unwrapMessage: () => unwrapMessage
});
function assertEqual(val) {
  return val;
}
function assertNotEqual(val) {
  return val;
}
function toZod() {
  return (schema) => schema;
}
function assertIs(_arg) {
}
function assertNever(_x) {
  throw new Error("Unexpected value in exhaustive check");
}
function assert(_) {
}
function getEnumValues(entries) {
  const numericValues = Object.values(entries).filter((v) => typeof v === "number");
  const values = Object.entries(entries).filter(([k, _]) => numericValues.indexOf(+k) === -1).map(([_, v]) => v);
  return values;
}
function joinValues(array2, separator = "|") {
  return array2.map((val) => stringifyPrimitive(val)).join(separator);
}
function jsonStringifyReplacer(_, value) {
  if (typeof value === "bigint")
    return value.toString();
  return value;
}
var Cached = class {
  constructor(getter) {
    this._getter = getter;
    this._value = void 0;
  }
  get value() {
    const getter = this._getter;
    if (getter !== void 0) {
      this._value = getter();
      this._getter = void 0;
    }
    return this._value;
  }
};
function cached(getter) {
  return new Cached(getter);
}
function nullish(input) {
  return input === null || input === void 0;
}
function cleanRegex(source) {
  const start = source.startsWith("^") ? 1 : 0;
  const end = source.endsWith("$") ? source.length - 1 : source.length;
  return source.slice(start, end);
}
function floatSafeRemainder(val, step) {
  const ratio = val / step;
  const roundedRatio = Math.round(ratio);
  const tolerance = 4 * Number.EPSILON * Math.max(Math.abs(ratio), 1);
  if (Math.abs(ratio - roundedRatio) < tolerance)
    return 0;
  return ratio - roundedRatio;
}
var EVALUATING = /* @__PURE__ */ Symbol("evaluating");
function defineLazy(object2, key, getter) {
  let value = void 0;
  Object.defineProperty(object2, key, {
    get() {
      if (value === EVALUATING) {
        return void 0;
      }
      if (value === void 0) {
        value = EVALUATING;
        value = getter();
      }
      return value;
    },
    set(v) {
      Object.defineProperty(object2, key, {
        value: v
        // configurable: true,
      });
    },
    configurable: true
  });
}
function objectClone(obj) {
  return Object.create(Object.getPrototypeOf(obj), Object.getOwnPropertyDescriptors(obj));
}
function assignProp(target, prop, value) {
  Object.defineProperty(target, prop, {
    value,
    writable: true,
    enumerable: true,
    configurable: true
  });
}
function rawShape(def) {
  const desc = Object.getOwnPropertyDescriptor(def, "shape");
  return desc?.get ? desc.get.raw : desc?.value;
}
function sourceShape(schema) {
  return rawShape(schema._zod.def) ?? schema._zod.def.shape;
}
function deferProp(target, key, getter) {
  Object.defineProperty(target, key, {
    get() {
      const value = getter();
      assignProp(this, key, value);
      return value;
    },
    enumerable: true,
    configurable: true
  });
}
function putProp(target, key, value) {
  if (key in target)
    assignProp(target, key, value);
  else
    target[key] = value;
}
function mirrorShape(target, source, keys2, wrap) {
  const raw = sourceShape(source);
  for (const key of keys2) {
    const desc = Object.getOwnPropertyDescriptor(raw, key);
    if (!desc.enumerable)
      continue;
    if (desc.get) {
      deferProp(target, key, () => {
        const value = source._zod.def.shape[key];
        return wrap ? wrap(value, key) : value;
      });
    } else
      putProp(target, key, wrap ? wrap(desc.value, key) : desc.value);
  }
}
function mirrorProps(target, source) {
  for (const key of Reflect.ownKeys(source)) {
    const desc = Object.getOwnPropertyDescriptor(source, key);
    if (!desc.enumerable)
      continue;
    if (desc.get)
      deferProp(target, key, () => source[key]);
    else
      putProp(target, key, desc.value);
  }
}
function mergeDefs(...defs) {
  const mergedDescriptors = {};
  for (const def of defs) {
    const descriptors = Object.getOwnPropertyDescriptors(def);
    Object.assign(mergedDescriptors, descriptors);
  }
  return Object.defineProperties({}, mergedDescriptors);
}
function cloneDef(schema) {
  return mergeDefs(schema._zod.def);
}
function getElementAtPath(obj, path2) {
  if (!path2)
    return obj;
  return path2.reduce((acc, key) => acc?.[key], obj);
}
function promiseAllObject(promisesObj) {
  const keys2 = Object.keys(promisesObj);
  const promises = keys2.map((key) => promisesObj[key]);
  return Promise.all(promises).then((results) => {
    const resolvedObj = {};
    for (let i = 0; i < keys2.length; i++) {
      resolvedObj[keys2[i]] = results[i];
    }
    return resolvedObj;
  });
}
function randomString(length = 10) {
  const chars = "abcdefghijklmnopqrstuvwxyz";
  let str = "";
  for (let i = 0; i < length; i++) {
    str += chars[Math.floor(Math.random() * chars.length)];
  }
  return str;
}
function esc(str) {
  return JSON.stringify(str);
}
function slugify(input) {
  return input.toLowerCase().trim().replace(/[^\w\s-]/g, "").replace(/[\s_-]+/g, "-").replace(/^-+|-+$/g, "");
}
var captureStackTrace = "captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => {
};
function isObject(data) {
  return typeof data === "object" && data !== null && !Array.isArray(data);
}
var allowsEval = /* @__PURE__ */ cached(() => {
  if (globalConfig.jitless) {
    return false;
  }
  if (typeof navigator !== "undefined" && navigator?.userAgent?.includes("Cloudflare")) {
    return false;
  }
  try {
    const F = Function;
    new F("");
    return true;
  } catch (_) {
    return false;
  }
});
function isPlainObject(o) {
  if (isObject(o) === false)
    return false;
  const ctor = o.constructor;
  if (ctor === void 0)
    return true;
  if (typeof ctor !== "function")
    return true;
  const prot = ctor.prototype;
  if (isObject(prot) === false)
    return false;
  if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
    return false;
  }
  return true;
}
function shallowClone(o) {
  if (isPlainObject(o))
    return { ...o };
  if (Array.isArray(o))
    return [...o];
  if (o instanceof Map)
    return new Map(o);
  if (o instanceof Set)
    return new Set(o);
  return o;
}
function numKeys(data) {
  let keyCount = 0;
  for (const key in data) {
    if (Object.prototype.hasOwnProperty.call(data, key)) {
      keyCount++;
    }
  }
  return keyCount;
}
var getParsedType = (data) => {
  const t = typeof data;
  switch (t) {
    case "undefined":
      return "undefined";
    case "string":
      return "string";
    case "number":
      return Number.isNaN(data) ? "nan" : "number";
    case "boolean":
      return "boolean";
    case "function":
      return "function";
    case "bigint":
      return "bigint";
    case "symbol":
      return "symbol";
    case "object":
      if (Array.isArray(data)) {
        return "array";
      }
      if (data === null) {
        return "null";
      }
      if (data.then && typeof data.then === "function" && data.catch && typeof data.catch === "function") {
        return "promise";
      }
      if (typeof Map !== "undefined" && data instanceof Map) {
        return "map";
      }
      if (typeof Set !== "undefined" && data instanceof Set) {
        return "set";
      }
      if (typeof Date !== "undefined" && data instanceof Date) {
        return "date";
      }
      if (typeof File !== "undefined" && data instanceof File) {
        return "file";
      }
      return "object";
    default:
      throw new Error(`Unknown data type: ${t}`);
  }
};
var propertyKeyTypes = /* @__PURE__ */ new Set(["string", "number", "symbol"]);
var primitiveTypes = /* @__PURE__ */ new Set([
  "string",
  "number",
  "bigint",
  "boolean",
  "symbol",
  "undefined"
]);
function escapeRegex(str) {
  return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function clone(inst, def, params) {
  const cl = new inst._zod.constr(def ?? inst._zod.def);
  if (!def || params?.parent)
    cl._zod.parent = inst;
  return cl;
}
function normalizeParams(_params) {
  const params = _params;
  if (!params)
    return {};
  if (typeof params === "string")
    return { error: () => params };
  if (params?.message !== void 0) {
    if (params?.error !== void 0)
      throw new Error("Cannot specify both `message` and `error` params");
    params.error = params.message;
  }
  delete params.message;
  if (typeof params.error === "string")
    return { ...params, error: () => params.error };
  return params;
}
function createTransparentProxy(getter) {
  let target;
  return new Proxy({}, {
    get(_, prop, receiver) {
      target ?? (target = getter());
      return Reflect.get(target, prop, receiver);
    },
    set(_, prop, value, receiver) {
      target ?? (target = getter());
      return Reflect.set(target, prop, value, receiver);
    },
    has(_, prop) {
      target ?? (target = getter());
      return Reflect.has(target, prop);
    },
    deleteProperty(_, prop) {
      target ?? (target = getter());
      return Reflect.deleteProperty(target, prop);
    },
    ownKeys(_) {
      target ?? (target = getter());
      return Reflect.ownKeys(target);
    },
    getOwnPropertyDescriptor(_, prop) {
      target ?? (target = getter());
      return Reflect.getOwnPropertyDescriptor(target, prop);
    },
    defineProperty(_, prop, descriptor) {
      target ?? (target = getter());
      return Reflect.defineProperty(target, prop, descriptor);
    }
  });
}
function stringifyPrimitive(value) {
  if (typeof value === "bigint")
    return value.toString() + "n";
  if (typeof value === "string")
    return `"${value}"`;
  return `${value}`;
}
function optionalKeys(shape) {
  return Object.keys(shape).filter((k) => {
    return shape[k]._zod.optin !== void 0 && shape[k]._zod.optout === "optional";
  });
}
var NUMBER_FORMAT_RANGES = /* @__PURE__ */ (() => ({
  safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  float32: [-34028234663852886e22, 34028234663852886e22],
  float64: [-Number.MAX_VALUE, Number.MAX_VALUE]
}))();
var BIGINT_FORMAT_RANGES = {
  int64: [/* @__PURE__ */ BigInt("-9223372036854775808"), /* @__PURE__ */ BigInt("9223372036854775807")],
  uint64: [/* @__PURE__ */ BigInt(0), /* @__PURE__ */ BigInt("18446744073709551615")]
};
function pick(schema, mask) {
  const currDef = schema._zod.def;
  const checks = currDef.checks;
  const hasChecks = checks && checks.length > 0;
  if (hasChecks) {
    throw new Error(".pick() cannot be used on object schemas containing refinements");
  }
  const newShape = {};
  mirrorShape(newShape, schema, maskedKeys(schema, mask));
  return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
function maskedKeys(schema, mask) {
  const raw = sourceShape(schema);
  const keys2 = [];
  for (const key of Reflect.ownKeys(mask)) {
    if (!Object.getOwnPropertyDescriptor(raw, key)?.enumerable) {
      throw new Error(`Unrecognized key: "${String(key)}"`);
    }
    if (mask[key])
      keys2.push(key);
  }
  return keys2;
}
function omit(schema, mask) {
  const currDef = schema._zod.def;
  const checks = currDef.checks;
  const hasChecks = checks && checks.length > 0;
  if (hasChecks) {
    throw new Error(".omit() cannot be used on object schemas containing refinements");
  }
  const omitted = new Set(maskedKeys(schema, mask));
  const newShape = {};
  mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)).filter((key) => !omitted.has(key)));
  return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
function extend(schema, shape) {
  if (!isPlainObject(shape)) {
    throw new Error("Invalid input to extend: expected a plain object");
  }
  const checks = schema._zod.def.checks;
  const hasChecks = checks && checks.length > 0;
  if (hasChecks) {
    const existingShape = sourceShape(schema);
    for (const key of Reflect.ownKeys(shape)) {
      if (Object.getOwnPropertyDescriptor(existingShape, key) !== void 0) {
        throw new Error("Cannot overwrite keys on object schemas containing refinements. Use `.safeExtend()` instead.");
      }
    }
  }
  return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
function extended(schema, shape) {
  const newShape = {};
  mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)));
  mirrorProps(newShape, shape);
  return newShape;
}
function safeExtend(schema, shape) {
  if (!isPlainObject(shape)) {
    throw new Error("Invalid input to safeExtend: expected a plain object");
  }
  return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
function merge(a, b) {
  if (!b?._zod?.def) {
    throw new Error("Invalid input to merge: expected an object schema. To merge a plain shape, use `.extend()`.");
  }
  if (a._zod.def.checks?.length) {
    throw new Error(".merge() cannot be used on object schemas containing refinements. Use .safeExtend() instead.");
  }
  const newShape = {};
  mirrorShape(newShape, a, Reflect.ownKeys(sourceShape(a)));
  mirrorShape(newShape, b, Reflect.ownKeys(sourceShape(b)));
  const def = mergeDefs(a._zod.def, {
    shape: newShape,
    get catchall() {
      return b._zod.def.catchall;
    },
    checks: b._zod.def.checks ?? []
  });
  return clone(a, def);
}
function partial(Class2, schema, mask, name = "partial") {
  const currDef = schema._zod.def;
  const checks = currDef.checks;
  const hasChecks = checks && checks.length > 0;
  if (hasChecks) {
    throw new Error(`.${name}() cannot be used on object schemas containing refinements`);
  }
  const selected = mask ? new Set(maskedKeys(schema, mask)) : void 0;
  const newShape = {};
  mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), Class2 && ((value, key) => selected && !selected.has(key) ? value : new Class2({ type: "optional", innerType: value })));
  return clone(schema, mergeDefs(schema._zod.def, { shape: newShape, checks: [] }));
}
function required(Class2, schema, mask) {
  const selected = mask ? new Set(maskedKeys(schema, mask)) : void 0;
  const newShape = {};
  mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), (value, key) => (
    // overwrite with non-optional
    selected && !selected.has(key) ? value : new Class2({ type: "nonoptional", innerType: value })
  ));
  return clone(schema, mergeDefs(schema._zod.def, { shape: newShape }));
}
function aborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue !== true) {
      return true;
    }
  }
  return false;
}
function explicitlyAborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue === false) {
      return true;
    }
  }
  return false;
}
function prefixIssues(path2, issues) {
  return issues.map((iss) => {
    var _a3;
    (_a3 = iss).path ?? (_a3.path = []);
    iss.path.unshift(path2);
    return iss;
  });
}
function unwrapMessage(message) {
  return typeof message === "string" ? message : message?.message;
}
function sizeCaps(defChecks) {
  const caps = [];
  for (const ch of defChecks ?? []) {
    const d = ch._zod.def;
    if (!/_(length|size)$|_equals$/.test(d.check))
      break;
    const max = d.maximum ?? d.length ?? d.size;
    if (max >= 0)
      caps.push([max, ch]);
  }
  return caps;
}
function attachSchema(issues, start, inst) {
  var _a3;
  for (let i = start; i < issues.length; i++) {
    (_a3 = issues[i]).schema ?? (_a3.schema = inst);
  }
}
function finalizeIssue(iss, ctx, config2) {
  var _a3;
  const traits = iss.inst?._zod?.traits;
  if (traits?.has("$ZodType")) {
    if (traits.has("$ZodCheck"))
      (_a3 = iss).schema ?? (_a3.schema = iss.inst);
    else
      iss.schema = iss.inst;
  }
  const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : void 0;
  const message = iss.message ? iss.message : unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ?? unwrapMessage(schemaError?.(iss)) ?? unwrapMessage(ctx?.error?.(iss)) ?? unwrapMessage(config2.customError?.(iss)) ?? unwrapMessage(config2.localeError?.(iss)) ?? "Invalid input";
  const full = {};
  for (const k of Object.keys(iss)) {
    if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
      continue;
    full[k] = iss[k];
  }
  full.path ?? (full.path = []);
  full.message = message;
  if (ctx?.reportInput) {
    full.input = iss.input;
  }
  return full;
}
function getSizableOrigin(input) {
  if (input instanceof Set)
    return "set";
  if (input instanceof Map)
    return "map";
  if (input instanceof File)
    return "file";
  return "unknown";
}
var highSurrogate = /[\uD800-\uDBFF]/;
function codePointLength(str) {
  const units = str.length;
  if (!highSurrogate.test(str))
    return units;
  let count = units;
  for (let i = 0; i < units - 1; i++) {
    if ((str.charCodeAt(i) & 64512) === 55296 && (str.charCodeAt(i + 1) & 64512) === 56320) {
      count--;
      i++;
    }
  }
  return count;
}
function getLengthableOrigin(input) {
  if (Array.isArray(input))
    return "array";
  if (typeof input === "string")
    return "string";
  return "unknown";
}
function parsedType(data) {
  const t = typeof data;
  switch (t) {
    case "number": {
      return Number.isNaN(data) ? "nan" : "number";
    }
    case "object": {
      if (data === null) {
        return "null";
      }
      if (Array.isArray(data)) {
        return "array";
      }
      const obj = data;
      if (obj && Object.getPrototypeOf(obj) !== Object.prototype && "constructor" in obj && obj.constructor) {
        return obj.constructor.name;
      }
    }
  }
  return t;
}
function issue(...args) {
  const [iss, input, inst] = args;
  if (typeof iss === "string") {
    return {
      message: iss,
      code: "custom",
      input,
      inst
    };
  }
  return { ...iss };
}
function cleanEnum(obj) {
  return Object.entries(obj).filter(([k, _]) => {
    return Number.isNaN(Number.parseInt(k, 10));
  }).map((el) => el[1]);
}
function base64ToUint8Array(base642) {
  const binaryString = atob(base642);
  const bytes = new Uint8Array(binaryString.length);
  for (let i = 0; i < binaryString.length; i++) {
    bytes[i] = binaryString.charCodeAt(i);
  }
  return bytes;
}
function uint8ArrayToBase64(bytes) {
  let binaryString = "";
  for (let i = 0; i < bytes.length; i++) {
    binaryString += String.fromCharCode(bytes[i]);
  }
  return btoa(binaryString);
}
function base64urlToUint8Array(base64url2) {
  const base642 = base64url2.replace(/-/g, "+").replace(/_/g, "/");
  const padding = "=".repeat((4 - base642.length % 4) % 4);
  return base64ToUint8Array(base642 + padding);
}
function uint8ArrayToBase64url(bytes) {
  return uint8ArrayToBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=/g, "");
}
function hexToUint8Array(hex) {
  const cleanHex = hex.replace(/^0x/, "");
  if (cleanHex.length % 2 !== 0) {
    throw new Error("Invalid hex string length");
  }
  const bytes = new Uint8Array(cleanHex.length / 2);
  for (let i = 0; i < cleanHex.length; i += 2) {
    bytes[i / 2] = Number.parseInt(cleanHex.slice(i, i + 2), 16);
  }
  return bytes;
}
function uint8ArrayToHex(bytes) {
  return Array.from(bytes).map((b) => b.toString(16).padStart(2, "0")).join("");
}
var Class = class {
  constructor(..._args) {
  }
};
function members(proto, table2) {
  for (const key in table2) {
    const desc = Object.getOwnPropertyDescriptor(table2, key);
    if (desc.get)
      Object.defineProperty(proto, key, { ...desc, enumerable: false });
    else
      defineBound(proto, key, desc.value);
  }
}
function own(inst, key, value, enumerable = true) {
  Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
  return value;
}
function hide(inst, key, value) {
  return own(inst, key, value, false);
}
// @__NO_SIDE_EFFECTS__
function derived(computes, table2) {
  for (const key in computes) {
    const compute = computes[key];
    Object.defineProperty(table2, key, {
      configurable: true,
      enumerable: true,
      get() {
        return own(this, key, compute(this));
      },
      set(value) {
        own(this, key, value);
      }
    });
  }
  return table2;
}
function defineBound(proto, key, fn) {
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      return this == null ? fn : own(this, key, fn.bind(this));
    },
    set(value) {
      own(this, key, value);
    }
  });
}
function claim(inst, sentinel) {
  const proto = Object.getPrototypeOf(inst);
  return sentinel in proto ? void 0 : proto;
}
var installing;
var broke = false;
var breaker = {
  configurable: true,
  get() {
    broke = true;
    return void 0;
  }
};
function defineLazyInternal(inst, key, compute) {
  const proto = Object.getPrototypeOf(inst._zod);
  if (key in proto && installing !== inst._zod) {
    installing = void 0;
    return;
  }
  installing = inst._zod;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      Object.defineProperty(this, key, breaker);
      const outer = broke;
      broke = false;
      try {
        const value = compute(this);
        if (broke)
          delete this[key];
        else
          Object.defineProperty(this, key, { configurable: true, writable: true, value });
        broke = broke || outer;
        return value;
      } catch (err) {
        delete this[key];
        broke = broke || outer;
        throw err;
      }
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, value });
    }
  });
}
function installLazyProp(inst, key, make, enumerable) {
  const proto = claim(inst, key);
  if (!proto)
    return;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      const desc = { configurable: true, writable: true, enumerable, value: void 0 };
      Object.defineProperty(this, key, desc);
      desc.value = make(this);
      Object.defineProperty(this, key, desc);
      return desc.value;
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
    }
  });
}
var CONSTANT_CATCH = "~constantCatch";
function constantCatch(value) {
  const fn = () => value;
  fn[CONSTANT_CATCH] = true;
  return fn;
}

// node_modules/zod/v4/core/core.js
var _a;
var _zodDesc = { value: void 0, enumerable: false };
var _E = "captureStackTrace" in Error ? Error : null;
function newError(Definition) {
  const E = _E;
  if (E) {
    const saved = E.stackTraceLimit;
    if (typeof saved === "number") {
      try {
        E.stackTraceLimit = 0;
      } catch {
        _E = null;
        return new Definition();
      }
      try {
        return new Definition();
      } finally {
        E.stackTraceLimit = saved;
      }
    }
  }
  return new Definition();
}
// @__NO_SIDE_EFFECTS__
function $constructor(name, initializer3, proto, params) {
  const zodProto = {};
  function Internals(def) {
    this.def = def;
    this.constr = _;
    this.traits = /* @__PURE__ */ new Set();
  }
  Internals.prototype = zodProto;
  const protoMembers = proto;
  const initialized = protoMembers && /* @__PURE__ */ new WeakSet();
  function init(inst, def) {
    if (!inst._zod) {
      _zodDesc.value = new Internals(def);
      try {
        Object.defineProperty(inst, "_zod", _zodDesc);
      } finally {
        _zodDesc.value = void 0;
      }
    } else if (inst._zod.traits.has(name)) {
      return;
    }
    inst._zod.traits.add(name);
    initializer3(inst, def);
    if (initialized) {
      const own2 = Object.getPrototypeOf(inst);
      const ctorProto = inst._zod.constr.prototype;
      let up = own2;
      while (up && up !== ctorProto)
        up = Object.getPrototypeOf(up);
      const target = up ?? own2;
      if (!initialized.has(target)) {
        initialized.add(target);
        members(target, protoMembers);
      }
    }
    const proto2 = _.prototype;
    for (const k in proto2) {
      if (!Object.prototype.hasOwnProperty.call(proto2, k))
        continue;
      if (!(k in inst)) {
        inst[k] = proto2[k].bind(inst);
      }
    }
  }
  const Parent = params?.Parent ?? Object;
  class Definition extends Parent {
  }
  Object.defineProperty(Definition, "name", { value: name });
  function _(def) {
    const inst = params?.Parent ? newError(Definition) : this;
    init(inst, def);
    const deferred = inst._zod.deferred;
    if (deferred) {
      for (const fn of deferred) {
        fn();
      }
      inst._zod.deferred = void 0;
    }
    const pp = globalThis.__zod_globalConfig?.postProcessor;
    if (pp)
      pp(inst);
    return inst;
  }
  Object.defineProperty(_, "init", { value: init });
  Object.defineProperty(_, Symbol.hasInstance, {
    value: (inst) => {
      if (params?.Parent && inst instanceof params.Parent)
        return true;
      return inst?._zod?.traits?.has(name);
    }
  });
  Object.defineProperty(_, "name", { value: name });
  return _;
}
var $ZodAsyncError = class extends Error {
  constructor() {
    super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
  }
};
var $ZodEncodeError = class extends Error {
  constructor(name) {
    super(`Encountered unidirectional transform during encode: ${name}`);
    this.name = "ZodEncodeError";
  }
};
(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
var globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
  if (newConfig)
    Object.assign(globalConfig, newConfig);
  return globalConfig;
}

// node_modules/zod/v4/core/errors.js
function _getMessage() {
  const internals = this._zod;
  internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
  return internals.message;
}
function _setMessage(value) {
  this._zod.message = value;
}
var _messageDesc = {
  get: _getMessage,
  set: _setMessage,
  enumerable: true,
  configurable: true
};
var _issuesDesc = { value: void 0, enumerable: false };
var _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
var initializer = (inst, def) => {
  inst.name = "$ZodError";
  _issuesDesc.value = def;
  Object.defineProperty(inst, "issues", _issuesDesc);
  _issuesDesc.value = void 0;
  Object.defineProperty(inst, "message", _messageDesc);
  const proto = Object.getPrototypeOf(inst);
  if (!_installedToString.has(proto)) {
    _installedToString.add(proto);
    Object.defineProperty(proto, "toString", {
      configurable: true,
      enumerable: false,
      get() {
        const value = () => this.message;
        Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
        return value;
      },
      set(value) {
        Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
      }
    });
  }
};
var $ZodError = $constructor("$ZodError", initializer);
var $ZodRealError = $constructor("$ZodError", initializer, void 0, {
  Parent: Error
});
function node(obj, key, make) {
  if (!Object.prototype.hasOwnProperty.call(obj, key)) {
    if (key === "__proto__") {
      Object.defineProperty(obj, key, { value: make(), writable: true, enumerable: true, configurable: true });
    } else {
      obj[key] = make();
    }
  }
  return obj[key];
}
function flattenError(error2, mapper = (issue2) => issue2.message) {
  const fieldErrors = {};
  const formErrors = [];
  for (const sub of error2.issues) {
    if (sub.path.length > 0) {
      node(fieldErrors, sub.path[0], () => []).push(mapper(sub));
    } else {
      formErrors.push(mapper(sub));
    }
  }
  return { formErrors, fieldErrors };
}
function formatError(error2, mapper = (issue2) => issue2.message) {
  const fieldErrors = { _errors: [] };
  const processError = (error3, path2 = []) => {
    for (const issue2 of error3.issues) {
      if (issue2.code === "invalid_union" && issue2.errors.length) {
        issue2.errors.map((issues) => processError({ issues }, [...path2, ...issue2.path]));
      } else if (issue2.code === "invalid_key") {
        processError({ issues: issue2.issues }, [...path2, ...issue2.path]);
      } else if (issue2.code === "invalid_element") {
        processError({ issues: issue2.issues }, [...path2, ...issue2.path]);
      } else {
        const fullpath = [...path2, ...issue2.path];
        if (fullpath.length === 0) {
          fieldErrors._errors.push(mapper(issue2));
        } else {
          let curr = fieldErrors;
          let i = 0;
          while (i < fullpath.length) {
            const el = fullpath[i];
            const terminal = i === fullpath.length - 1;
            if (el === "_errors") {
              if (terminal)
                curr._errors.push(mapper(issue2));
              i++;
              continue;
            }
            if (!Object.prototype.hasOwnProperty.call(curr, el)) {
              Object.defineProperty(curr, el, {
                value: { _errors: [] },
                enumerable: true,
                writable: true,
                configurable: true
              });
            }
            const node2 = curr[el];
            if (terminal) {
              node2._errors.push(mapper(issue2));
            }
            curr = node2;
            i++;
          }
        }
      }
    }
  };
  processError(error2);
  return fieldErrors;
}

// node_modules/zod/v4/core/parse.js
function finalizeParams(callee, params) {
  return { callee: params?.callee ?? callee, Err: params?.Err };
}
var _parse = (_Err) => {
  const fn = (schema, value, _ctx, _params) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
      throw new $ZodAsyncError();
    }
    if (result.issues.length) {
      const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      captureStackTrace(e, _params?.callee ?? fn);
      throw e;
    }
    return result.value;
  };
  return fn;
};
var _parseAsync = (_Err) => {
  const fn = async (schema, value, _ctx, params) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
      result = await result;
    if (result.issues.length) {
      const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      captureStackTrace(e, params?.callee ?? fn);
      throw e;
    }
    return result.value;
  };
  return fn;
};
var _safeParse = (_Err) => (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
  const result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise) {
    throw new $ZodAsyncError();
  }
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
function failure(Err, issues, ctx) {
  let error2;
  return {
    success: false,
    get error() {
      if (!error2) {
        error2 = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
        issues = void 0;
        ctx = void 0;
      }
      return error2;
    },
    set error(e) {
      error2 = e;
      issues = void 0;
      ctx = void 0;
    }
  };
}
var _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
  let result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise)
    result = await result;
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
var COMPILE_INVALID = /* @__PURE__ */ Symbol.for("zod.compile.invalid");
var COMPILE_FALLBACK = /* @__PURE__ */ Symbol.for("zod.compile.fallback");
var validate = ((schema, value, _ctx) => {
  const validator = schema._zod.bag.validator;
  if (validator !== void 0) {
    if (validator(value) !== COMPILE_INVALID)
      return true;
    if (validator.definite === true && _ctx === void 0)
      return false;
  }
  return validateFallback(schema, value, _ctx);
});
function validateFallback(schema, value, _ctx) {
  const ctx = _ctx ? { ..._ctx, async: false, abortEarly: true } : { async: false, abortEarly: true };
  const fallbackRun = schema._zod.bag.fallbackRun;
  let result;
  if (fallbackRun) {
    ctx[COMPILE_FALLBACK] = true;
    result = fallbackRun({ value, issues: [] }, ctx);
  } else {
    result = schema._zod.run({ value, issues: [] }, ctx);
  }
  if (result instanceof Promise) {
    throw new $ZodAsyncError();
  }
  return result.issues.length === 0;
}
var validateAsync = async (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: true, abortEarly: true } : { async: true, abortEarly: true };
  let result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise)
    result = await result;
  return result.issues.length === 0;
};
var _encode = (_Err) => {
  const parse2 = _parse(_Err);
  const fn = (schema, value, _ctx, _params) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return parse2(schema, value, ctx, finalizeParams(fn, _params));
  };
  return fn;
};
var _decode = (_Err) => {
  const parse2 = _parse(_Err);
  const fn = (schema, value, _ctx, _params) => {
    return parse2(schema, value, _ctx, finalizeParams(fn, _params));
  };
  return fn;
};
var _encodeAsync = (_Err) => {
  const parseAsync2 = _parseAsync(_Err);
  const fn = async (schema, value, _ctx, _params) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return await parseAsync2(schema, value, ctx, finalizeParams(fn, _params));
  };
  return fn;
};
var _decodeAsync = (_Err) => {
  const parseAsync2 = _parseAsync(_Err);
  const fn = async (schema, value, _ctx, _params) => {
    return await parseAsync2(schema, value, _ctx, finalizeParams(fn, _params));
  };
  return fn;
};
var _safeEncode = (_Err) => (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
  return _safeParse(_Err)(schema, value, ctx);
};
var _safeDecode = (_Err) => (schema, value, _ctx) => {
  return _safeParse(_Err)(schema, value, _ctx);
};
var _safeEncodeAsync = (_Err) => async (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
  return _safeParseAsync(_Err)(schema, value, ctx);
};
var _safeDecodeAsync = (_Err) => async (schema, value, _ctx) => {
  return _safeParseAsync(_Err)(schema, value, _ctx);
};

// node_modules/zod/v4/core/regexes.js
var cuid = /^[cC][0-9a-z]{6,}$/;
var cuid2 = /^[0-9a-z]+$/;
var ulid = /^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/;
var xid = /^[0-9a-vA-V]{20}$/;
var ksuid = /^[A-Za-z0-9]{27}$/;
var nanoid = /^[a-zA-Z0-9_-]{21}$/;
function nanoidOfLength(length) {
  return new RegExp(`^[a-zA-Z0-9_-]{${length}}$`);
}
var duration = /^P(?:(\d+W)|(?!.*W)(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?)$/;
var guid = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
var uuid = (version2) => {
  if (!version2)
    return /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
  return new RegExp(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-${version2}[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$`);
};
var email = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
var _emoji = `^(?=[\\s\\S]*[\\p{Extended_Pictographic}\\p{Regional_Indicator}\\u20E3])[\\p{Extended_Pictographic}\\p{Emoji_Component}]+$`;
function emoji() {
  return new RegExp(_emoji, "u");
}
var ipv4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;
var ipv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))$/;
var cidrv4 = /^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\/([0-9]|[1-2][0-9]|3[0-2])$/;
var cidrv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$/;
var base64 = /^$|^(?:[0-9a-zA-Z+/]{4})*(?:(?:[0-9a-zA-Z+/]{2}==)|(?:[0-9a-zA-Z+/]{3}=))?$/;
var base64url = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2,3})?$/;
var httpProtocol = /^https?$/;
var e164 = /^\+[1-9]\d{6,14}$/;
var dateSource = `(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))`;
function anchor(source) {
  return new RegExp(`^${source}$`);
}
var date = /* @__PURE__ */ anchor(dateSource);
function timeSource(args) {
  const hhmm = `(?:[01]\\d|2[0-3]):[0-5]\\d`;
  const regex = typeof args.precision === "number" ? args.precision === -1 ? `${hhmm}` : args.precision === 0 ? `${hhmm}:[0-5]\\d` : `${hhmm}:[0-5]\\d\\.\\d{${args.precision}}` : args.seconds ? `${hhmm}:[0-5]\\d(?:\\.\\d+)?` : `${hhmm}(?::[0-5]\\d(?:\\.\\d+)?)?`;
  return regex;
}
function time(args) {
  return new RegExp(`^${timeSource(args)}$`);
}
function datetime(args) {
  const opts = ["Z"];
  if (args.offset)
    opts.push(`([+-](?:[01]\\d|2[0-3]):[0-5]\\d)`);
  const qualified = `${timeSource({ precision: args.precision, seconds: true })}(?:${opts.join("|")})`;
  const timeRegex = args.local ? `${qualified}|${timeSource({ precision: args.precision })}` : qualified;
  return new RegExp(`^${dateSource}T(?:${timeRegex})$`);
}
var anyString = /^[\s\S]{0,}$/;
var bigint = /^-?\d+n?$/;
var integer = /^-?\d+$/;
var number = /^-?\d+(?:\.\d+)?$/;
var boolean = /^(?:true|false)$/i;
var lowercase = /^[^A-Z]*$/;
var uppercase = /^[^a-z]*$/;

// node_modules/zod/v4/core/checks.js
var $ZodCheck = /* @__PURE__ */ $constructor("$ZodCheck", (inst, def) => {
  var _a3;
  inst._zod ?? (inst._zod = {});
  inst._zod.def = def;
  (_a3 = inst._zod).onattach ?? (_a3.onattach = []);
});
var _whenHasLength = (payload) => {
  const val = payload.value;
  return !nullish(val) && val.length !== void 0;
};
var numericOriginMap = {
  number: "number",
  bigint: "bigint",
  object: "date"
};
var $ZodCheckLessThan = /* @__PURE__ */ $constructor("$ZodCheckLessThan", (inst, def) => {
  $ZodCheck.init(inst, def);
  const origin = numericOriginMap[typeof def.value];
  inst._zod.check = (payload) => {
    if (def.inclusive ? payload.value <= def.value : payload.value < def.value) {
      return;
    }
    payload.issues.push({
      origin: numericOriginMap[typeof payload.value] ?? origin,
      code: "too_big",
      maximum: typeof def.value === "object" ? def.value.getTime() : def.value,
      input: payload.value,
      inclusive: def.inclusive,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckGreaterThan = /* @__PURE__ */ $constructor("$ZodCheckGreaterThan", (inst, def) => {
  $ZodCheck.init(inst, def);
  const origin = numericOriginMap[typeof def.value];
  inst._zod.check = (payload) => {
    if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
      return;
    }
    payload.issues.push({
      origin: numericOriginMap[typeof payload.value] ?? origin,
      code: "too_small",
      minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
      input: payload.value,
      inclusive: def.inclusive,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckMultipleOf = /* @__PURE__ */ $constructor("$ZodCheckMultipleOf", (inst, def) => {
  $ZodCheck.init(inst, def);
  inst._zod.check = (payload) => {
    if (typeof payload.value !== typeof def.value)
      throw new Error("Cannot mix number and bigint in multiple_of check.");
    const isMultiple = typeof payload.value === "bigint" ? (
      // `value % 0n` throws, and nothing is a multiple of zero \u2014 the number branch already fails this way via NaN
      def.value !== BigInt(0) && payload.value % def.value === BigInt(0)
    ) : floatSafeRemainder(payload.value, def.value) === 0;
    if (isMultiple)
      return;
    payload.issues.push({
      origin: typeof payload.value,
      code: "not_multiple_of",
      divisor: def.value,
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckNumberFormat = /* @__PURE__ */ $constructor("$ZodCheckNumberFormat", (inst, def) => {
  $ZodCheck.init(inst, def);
  def.format = def.format || "float64";
  const isInt = def.format?.includes("int");
  const origin = isInt ? "int" : "number";
  const [minimum, maximum] = NUMBER_FORMAT_RANGES[def.format];
  inst._zod.check = (payload) => {
    const input = payload.value;
    if (isInt) {
      if (!Number.isInteger(input)) {
        payload.issues.push({
          expected: origin,
          format: def.format,
          code: "invalid_type",
          continue: false,
          input,
          inst
        });
        return;
      }
      if (!Number.isSafeInteger(input)) {
        if (input > 0) {
          payload.issues.push({
            input,
            code: "too_big",
            maximum: Number.MAX_SAFE_INTEGER,
            note: "Integers must be within the safe integer range.",
            inst,
            origin,
            inclusive: true,
            continue: !def.abort
          });
        } else {
          payload.issues.push({
            input,
            code: "too_small",
            minimum: Number.MIN_SAFE_INTEGER,
            note: "Integers must be within the safe integer range.",
            inst,
            origin,
            inclusive: true,
            continue: !def.abort
          });
        }
        return;
      }
    }
    if (input < minimum) {
      payload.issues.push({
        origin: "number",
        input,
        code: "too_small",
        minimum,
        inclusive: true,
        inst,
        continue: !def.abort
      });
    }
    if (input > maximum) {
      payload.issues.push({
        origin: "number",
        input,
        code: "too_big",
        maximum,
        inclusive: true,
        inst,
        continue: !def.abort
      });
    }
  };
});
var $ZodCheckMaxLength = /* @__PURE__ */ $constructor("$ZodCheckMaxLength", (inst, def) => {
  var _a3;
  $ZodCheck.init(inst, def);
  (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength);
  inst._zod.check = (payload) => {
    const input = payload.value;
    const units = input.length;
    const length = typeof input === "string" && units > def.maximum ? codePointLength(input) : units;
    if (length <= def.maximum)
      return;
    const origin = getLengthableOrigin(input);
    payload.issues.push({
      origin,
      code: "too_big",
      maximum: def.maximum,
      inclusive: true,
      input,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckMinLength = /* @__PURE__ */ $constructor("$ZodCheckMinLength", (inst, def) => {
  var _a3;
  $ZodCheck.init(inst, def);
  (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength);
  inst._zod.check = (payload) => {
    const input = payload.value;
    const units = input.length;
    const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2 ? codePointLength(input) : units;
    if (length >= def.minimum)
      return;
    const origin = getLengthableOrigin(input);
    payload.issues.push({
      origin,
      code: "too_small",
      minimum: def.minimum,
      inclusive: true,
      input,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckLengthEquals = /* @__PURE__ */ $constructor("$ZodCheckLengthEquals", (inst, def) => {
  var _a3;
  $ZodCheck.init(inst, def);
  (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength);
  inst._zod.check = (payload) => {
    const input = payload.value;
    const units = input.length;
    const length = typeof input === "string" && units >= def.length && units <= def.length * 2 ? codePointLength(input) : units;
    if (length === def.length)
      return;
    const origin = getLengthableOrigin(input);
    const tooBig = length > def.length;
    payload.issues.push({
      origin,
      ...tooBig ? { code: "too_big", maximum: def.length } : { code: "too_small", minimum: def.length },
      inclusive: true,
      exact: true,
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckStringFormat = /* @__PURE__ */ $constructor("$ZodCheckStringFormat", (inst, def) => {
  var _a3, _b;
  $ZodCheck.init(inst, def);
  if (def.pattern)
    (_a3 = inst._zod).check ?? (_a3.check = (payload) => {
      def.pattern.lastIndex = 0;
      if (def.pattern.test(payload.value))
        return;
      payload.issues.push({
        origin: "string",
        code: "invalid_format",
        format: def.format,
        input: payload.value,
        ...def.pattern ? { pattern: def.pattern.toString() } : {},
        inst,
        continue: !def.abort
      });
    });
  else
    (_b = inst._zod).check ?? (_b.check = () => {
    });
});
var $ZodCheckRegex = /* @__PURE__ */ $constructor("$ZodCheckRegex", (inst, def) => {
  $ZodCheckStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    def.pattern.lastIndex = 0;
    if (def.pattern.test(payload.value))
      return;
    payload.issues.push({
      origin: "string",
      code: "invalid_format",
      format: "regex",
      input: payload.value,
      pattern: def.pattern.toString(),
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckLowerCase = /* @__PURE__ */ $constructor("$ZodCheckLowerCase", (inst, def) => {
  def.pattern ?? (def.pattern = lowercase);
  $ZodCheckStringFormat.init(inst, def);
});
var $ZodCheckUpperCase = /* @__PURE__ */ $constructor("$ZodCheckUpperCase", (inst, def) => {
  def.pattern ?? (def.pattern = uppercase);
  $ZodCheckStringFormat.init(inst, def);
});
var $ZodCheckIncludes = /* @__PURE__ */ $constructor("$ZodCheckIncludes", (inst, def) => {
  $ZodCheck.init(inst, def);
  const escapedRegex = escapeRegex(def.includes);
  const pattern = new RegExp(typeof def.position === "number" ? `^.{${def.position},}${escapedRegex}` : escapedRegex);
  def.pattern = pattern;
  inst._zod.check = (payload) => {
    if (payload.value.includes(def.includes, def.position))
      return;
    payload.issues.push({
      origin: "string",
      code: "invalid_format",
      format: "includes",
      includes: def.includes,
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckStartsWith = /* @__PURE__ */ $constructor("$ZodCheckStartsWith", (inst, def) => {
  $ZodCheck.init(inst, def);
  const pattern = new RegExp(`^${escapeRegex(def.prefix)}.*`);
  def.pattern ?? (def.pattern = pattern);
  inst._zod.check = (payload) => {
    if (payload.value.startsWith(def.prefix))
      return;
    payload.issues.push({
      origin: "string",
      code: "invalid_format",
      format: "starts_with",
      prefix: def.prefix,
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckEndsWith = /* @__PURE__ */ $constructor("$ZodCheckEndsWith", (inst, def) => {
  $ZodCheck.init(inst, def);
  const pattern = new RegExp(`.*${escapeRegex(def.suffix)}$`);
  def.pattern ?? (def.pattern = pattern);
  inst._zod.check = (payload) => {
    if (payload.value.endsWith(def.suffix))
      return;
    payload.issues.push({
      origin: "string",
      code: "invalid_format",
      format: "ends_with",
      suffix: def.suffix,
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckOverwrite = /* @__PURE__ */ $constructor("$ZodCheckOverwrite", (inst, def) => {
  $ZodCheck.init(inst, def);
  inst._zod.check = (payload) => {
    payload.value = def.tx(payload.value);
  };
});

// node_modules/zod/v4/core/doc.js
var Doc = class {
  constructor(args = [], closed = {}) {
    this.content = [];
    this.indent = 0;
    this.args = args;
    this.closed = closed;
  }
  // the compiler catches a child's throw and keeps writing into this doc, so the indent has to unwind with it
  indented(fn) {
    this.indent += 1;
    try {
      fn(this);
    } finally {
      this.indent -= 1;
    }
  }
  write(arg) {
    if (typeof arg === "function") {
      arg(this, { execution: "sync" });
      arg(this, { execution: "async" });
      return;
    }
    const content = arg;
    const lines = content.split("\n").filter((x) => x);
    const minIndent = Math.min(...lines.map((x) => x.length - x.trimStart().length));
    const dedented = lines.map((x) => x.slice(minIndent)).map((x) => " ".repeat(this.indent * 2) + x);
    for (const line2 of dedented) {
      this.content.push(line2);
    }
  }
  compile() {
    const F = Function;
    const content = this?.content ?? [``];
    const factory = new F(...Object.keys(this.closed), `return function (${this.args.join(", ")}) {
${content.join("\n")}
};`);
    return factory(...Object.values(this.closed));
  }
};

// node_modules/zod/v4/core/versions.js
var version = {
  major: 4,
  minor: 6,
  patch: 7
};

// node_modules/zod/v4/core/schemas.js
var $ZodType = /* @__PURE__ */ $constructor("$ZodType", (inst, def) => {
  var _a3;
  inst ?? (inst = {});
  inst._zod.def = def;
  inst._zod.bag = inst._zod.bag || {};
  inst._zod.version = version;
  const defChecks = inst._zod.def.checks;
  const checks = inst._zod.traits.has("$ZodCheck") ? [inst, ...defChecks ?? []] : defChecks?.length ? [...defChecks] : [];
  for (const ch of checks) {
    for (const fn of ch._zod.onattach) {
      fn(inst);
    }
  }
  if (checks.length === 0) {
    (_a3 = inst._zod).deferred ?? (_a3.deferred = []);
    inst._zod.deferred?.push(() => {
      inst._zod.run = inst._zod.parse;
    });
  } else {
    const runChecks = (payload, checks2, ctx) => {
      if (payload.memo)
        return payload;
      let isAborted = aborted(payload);
      let asyncResult;
      for (const ch of checks2) {
        if (ch._zod.def.when) {
          if (explicitlyAborted(payload))
            continue;
          const shouldRun = ch._zod.def.when(payload);
          if (!shouldRun)
            continue;
        } else if (isAborted) {
          continue;
        }
        const currLen = payload.issues.length;
        const _ = ch._zod.check(payload);
        if (_ instanceof Promise && ctx?.async === false) {
          throw new $ZodAsyncError();
        }
        if (asyncResult || _ instanceof Promise) {
          asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
            await _;
            const nextLen = payload.issues.length;
            if (nextLen === currLen)
              return;
            attachSchema(payload.issues, currLen, inst);
            if (!isAborted)
              isAborted = aborted(payload, currLen);
          });
        } else {
          const nextLen = payload.issues.length;
          if (nextLen === currLen)
            continue;
          attachSchema(payload.issues, currLen, inst);
          if (!isAborted)
            isAborted = aborted(payload, currLen);
        }
      }
      if (asyncResult) {
        return asyncResult.then(() => {
          return payload;
        });
      }
      return payload;
    };
    const handleCanaryResult = (canary, payload, ctx) => {
      if (aborted(canary)) {
        canary.aborted = true;
        return canary;
      }
      const checkResult = runChecks(payload, checks, ctx);
      if (checkResult instanceof Promise) {
        if (ctx.async === false)
          throw new $ZodAsyncError();
        return checkResult.then((checkResult2) => inst._zod.parse(checkResult2, ctx));
      }
      return inst._zod.parse(checkResult, ctx);
    };
    inst._zod.run = (payload, ctx) => {
      if (ctx.skipChecks) {
        return inst._zod.parse(payload, ctx);
      }
      if (ctx.direction === "backward") {
        const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
        if (canary instanceof Promise) {
          return canary.then((canary2) => {
            return handleCanaryResult(canary2, payload, ctx);
          });
        }
        return handleCanaryResult(canary, payload, ctx);
      }
      const result = inst._zod.parse(payload, ctx);
      if (result instanceof Promise) {
        if (ctx.async === false)
          throw new $ZodAsyncError();
        return result.then((result2) => runChecks(result2, checks, ctx));
      }
      return runChecks(result, checks, ctx);
    };
  }
}, {
  // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
  get "~standard"() {
    return hide(this, "~standard", standardProps(this));
  },
  set "~standard"(value) {
    own(this, "~standard", value);
  }
});
var toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync2(inst, value) {
  const ctx = { async: true };
  return toStandardResult(await inst._zod.run({ value, issues: [] }, ctx), ctx);
}
function standardProps(inst) {
  return {
    validate: (value) => {
      const ctx = { async: false };
      try {
        const r = inst._zod.run({ value, issues: [] }, ctx);
        if (!(r instanceof Promise))
          return toStandardResult(r, ctx);
      } catch (_) {
      }
      return validateAsync2(inst, value);
    },
    vendor: "zod",
    version: 1
  };
}
var $ZodString = /* @__PURE__ */ $constructor("$ZodString", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = def.pattern ?? anyString;
  inst._zod.parse = (payload, _) => {
    if (def.coerce)
      try {
        payload.value = String(payload.value);
      } catch (_2) {
      }
    if (typeof payload.value === "string")
      return payload;
    payload.issues.push({
      expected: "string",
      code: "invalid_type",
      input: payload.value,
      inst
    });
    return payload;
  };
});
var $ZodStringFormat = /* @__PURE__ */ $constructor("$ZodStringFormat", (inst, def) => {
  $ZodCheckStringFormat.init(inst, def);
  $ZodString.init(inst, def);
});
var $ZodGUID = /* @__PURE__ */ $constructor("$ZodGUID", (inst, def) => {
  def.pattern ?? (def.pattern = guid);
  $ZodStringFormat.init(inst, def);
});
var $ZodUUID = /* @__PURE__ */ $constructor("$ZodUUID", (inst, def) => {
  if (def.version) {
    const versionMap = {
      v1: 1,
      v2: 2,
      v3: 3,
      v4: 4,
      v5: 5,
      v6: 6,
      v7: 7,
      v8: 8
    };
    const v = versionMap[def.version];
    if (v === void 0)
      throw new Error(`Invalid UUID version: "${def.version}"`);
    def.pattern ?? (def.pattern = uuid(v));
  } else
    def.pattern ?? (def.pattern = uuid());
  $ZodStringFormat.init(inst, def);
});
var $ZodEmail = /* @__PURE__ */ $constructor("$ZodEmail", (inst, def) => {
  def.pattern ?? (def.pattern = email);
  $ZodStringFormat.init(inst, def);
});
var URL_BAD_FORMAT = 1;
var URL_UNPARSEABLE = 2;
function canParseURL(input) {
  try {
    if (typeof URL !== "undefined" && typeof URL.canParse === "function")
      return URL.canParse(input);
    new URL(input);
    return true;
  } catch {
    return false;
  }
}
function validateURL(trimmed, def) {
  if (!("normalize" in def) && !("hostname" in def) && !("protocol" in def)) {
    return canParseURL(trimmed) || URL_UNPARSEABLE;
  }
  return parseURLObject(trimmed, def);
}
function parseURLObject(trimmed, def) {
  if (!def.normalize && def.protocol?.source === httpProtocol.source && !/^https?:\/\//i.test(trimmed)) {
    return URL_BAD_FORMAT;
  }
  try {
    if (typeof URL !== "undefined") {
      const URLStatic = URL;
      if (typeof URLStatic.parse === "function")
        return URLStatic.parse(trimmed) ?? URL_UNPARSEABLE;
    }
    return new URL(trimmed);
  } catch {
    return URL_UNPARSEABLE;
  }
}
var asciiTabOrNewline = /[\t\n\r]/g;
function stripTabAndNewline(value) {
  return value.replace(asciiTabOrNewline, "");
}
function urlHostnameOk(url2, hostname) {
  hostname.lastIndex = 0;
  return hostname.test(url2.hostname);
}
function urlProtocolOk(url2, protocol) {
  protocol.lastIndex = 0;
  return protocol.test(url2.protocol.endsWith(":") ? url2.protocol.slice(0, -1) : url2.protocol);
}
var $ZodURL = /* @__PURE__ */ $constructor("$ZodURL", (inst, def) => {
  $ZodStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    try {
      const trimmed = payload.value.trim();
      const url2 = validateURL(trimmed, def);
      if (url2 === URL_BAD_FORMAT) {
        payload.issues.push({
          code: "invalid_format",
          format: "url",
          note: "Invalid URL format",
          input: payload.value,
          inst,
          continue: !def.abort
        });
        return;
      }
      if (url2 === URL_UNPARSEABLE) {
        payload.issues.push({
          code: "invalid_format",
          format: "url",
          input: payload.value,
          inst,
          continue: !def.abort
        });
        return;
      }
      if (url2 === true) {
        payload.value = stripTabAndNewline(trimmed);
        return;
      }
      if (def.hostname && !urlHostnameOk(url2, def.hostname)) {
        payload.issues.push({
          code: "invalid_format",
          format: "url",
          note: "Invalid hostname",
          pattern: def.hostname.source,
          input: payload.value,
          inst,
          continue: !def.abort
        });
      }
      if (def.protocol && !urlProtocolOk(url2, def.protocol)) {
        payload.issues.push({
          code: "invalid_format",
          format: "url",
          note: "Invalid protocol",
          pattern: def.protocol.source,
          input: payload.value,
          inst,
          continue: !def.abort
        });
      }
      payload.value = def.normalize ? url2.href : stripTabAndNewline(trimmed);
      return;
    } catch (_) {
      payload.issues.push({
        code: "invalid_format",
        format: "url",
        input: payload.value,
        inst,
        continue: !def.abort
      });
    }
  };
});
var $ZodEmoji = /* @__PURE__ */ $constructor("$ZodEmoji", (inst, def) => {
  def.pattern ?? (def.pattern = emoji());
  $ZodStringFormat.init(inst, def);
});
var $ZodNanoID = /* @__PURE__ */ $constructor("$ZodNanoID", (inst, def) => {
  if (def.length !== void 0 && (!Number.isInteger(def.length) || def.length < 1))
    throw new Error(`Invalid nanoid length: ${def.length}`);
  def.pattern ?? (def.pattern = def.length === void 0 ? nanoid : nanoidOfLength(def.length));
  $ZodStringFormat.init(inst, def);
});
var $ZodCUID = /* @__PURE__ */ $constructor("$ZodCUID", (inst, def) => {
  def.pattern ?? (def.pattern = cuid);
  $ZodStringFormat.init(inst, def);
});
var $ZodCUID2 = /* @__PURE__ */ $constructor("$ZodCUID2", (inst, def) => {
  def.pattern ?? (def.pattern = cuid2);
  $ZodStringFormat.init(inst, def);
});
var $ZodULID = /* @__PURE__ */ $constructor("$ZodULID", (inst, def) => {
  def.pattern ?? (def.pattern = ulid);
  $ZodStringFormat.init(inst, def);
});
var $ZodXID = /* @__PURE__ */ $constructor("$ZodXID", (inst, def) => {
  def.pattern ?? (def.pattern = xid);
  $ZodStringFormat.init(inst, def);
});
var $ZodKSUID = /* @__PURE__ */ $constructor("$ZodKSUID", (inst, def) => {
  def.pattern ?? (def.pattern = ksuid);
  $ZodStringFormat.init(inst, def);
});
var $ZodISODateTime = /* @__PURE__ */ $constructor("$ZodISODateTime", (inst, def) => {
  def.pattern ?? (def.pattern = datetime(def));
  $ZodStringFormat.init(inst, def);
});
var $ZodISODate = /* @__PURE__ */ $constructor("$ZodISODate", (inst, def) => {
  def.pattern ?? (def.pattern = date);
  $ZodStringFormat.init(inst, def);
});
var $ZodISOTime = /* @__PURE__ */ $constructor("$ZodISOTime", (inst, def) => {
  def.pattern ?? (def.pattern = time(def));
  $ZodStringFormat.init(inst, def);
});
var $ZodISODuration = /* @__PURE__ */ $constructor("$ZodISODuration", (inst, def) => {
  def.pattern ?? (def.pattern = duration);
  $ZodStringFormat.init(inst, def);
});
var $ZodIPv4 = /* @__PURE__ */ $constructor("$ZodIPv4", (inst, def) => {
  def.pattern ?? (def.pattern = ipv4);
  $ZodStringFormat.init(inst, def);
});
var ipv6Alphabet = /^[0-9a-fA-F:.]+$/;
function isValidIPv6(value) {
  if (!ipv6Alphabet.test(value))
    return false;
  return canParseURL(`http://[${value}]`);
}
var $ZodIPv6 = /* @__PURE__ */ $constructor("$ZodIPv6", (inst, def) => {
  def.pattern ?? (def.pattern = ipv6);
  $ZodStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    if (!isValidIPv6(payload.value)) {
      payload.issues.push({
        code: "invalid_format",
        format: "ipv6",
        input: payload.value,
        inst,
        continue: !def.abort
      });
    }
  };
});
var $ZodCIDRv4 = /* @__PURE__ */ $constructor("$ZodCIDRv4", (inst, def) => {
  def.pattern ?? (def.pattern = cidrv4);
  $ZodStringFormat.init(inst, def);
});
function isValidCIDRv6(value) {
  const parts = value.split("/");
  if (parts.length !== 2)
    return false;
  const [address, prefix] = parts;
  if (!prefix)
    return false;
  const prefixNum = Number(prefix);
  if (`${prefixNum}` !== prefix)
    return false;
  if (prefixNum < 0 || prefixNum > 128)
    return false;
  return isValidIPv6(address);
}
var $ZodCIDRv6 = /* @__PURE__ */ $constructor("$ZodCIDRv6", (inst, def) => {
  def.pattern ?? (def.pattern = cidrv6);
  $ZodStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    if (!isValidCIDRv6(payload.value)) {
      payload.issues.push({
        code: "invalid_format",
        format: "cidrv6",
        input: payload.value,
        inst,
        continue: !def.abort
      });
    }
  };
});
function isValidBase64(data) {
  if (data === "")
    return true;
  if (/\s/.test(data))
    return false;
  if (data.length % 4 !== 0)
    return false;
  try {
    atob(data);
    return true;
  } catch {
    return false;
  }
}
var base64Charset = /^[0-9a-zA-Z+/]*={0,2}$/;
var $ZodBase64 = /* @__PURE__ */ $constructor("$ZodBase64", (inst, def) => {
  def.pattern ?? (def.pattern = base64Charset);
  $ZodStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    if (isValidBase64(payload.value))
      return;
    payload.issues.push({
      code: "invalid_format",
      format: "base64",
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
var base64urlCharset = /^[A-Za-z0-9_-]*$/;
function isValidBase64URL(data) {
  if (!base64urlCharset.test(data))
    return false;
  const base642 = data.replace(/[-_]/g, (c) => c === "-" ? "+" : "/");
  const padded = base642.padEnd(Math.ceil(base642.length / 4) * 4, "=");
  return isValidBase64(padded);
}
var $ZodBase64URL = /* @__PURE__ */ $constructor("$ZodBase64URL", (inst, def) => {
  def.pattern ?? (def.pattern = base64urlCharset);
  $ZodStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    if (isValidBase64URL(payload.value))
      return;
    payload.issues.push({
      code: "invalid_format",
      format: "base64url",
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodE164 = /* @__PURE__ */ $constructor("$ZodE164", (inst, def) => {
  def.pattern ?? (def.pattern = e164);
  $ZodStringFormat.init(inst, def);
});
function isValidJWT(token, algorithm = null) {
  try {
    const tokensParts = token.split(".");
    if (tokensParts.length !== 3)
      return false;
    const [header] = tokensParts;
    if (!header)
      return false;
    const parsedHeader = JSON.parse(atob(header));
    if ("typ" in parsedHeader && parsedHeader?.typ !== "JWT")
      return false;
    if (!parsedHeader.alg)
      return false;
    if (algorithm && (!("alg" in parsedHeader) || parsedHeader.alg !== algorithm))
      return false;
    return true;
  } catch {
    return false;
  }
}
var $ZodJWT = /* @__PURE__ */ $constructor("$ZodJWT", (inst, def) => {
  $ZodStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    if (isValidJWT(payload.value, def.alg))
      return;
    payload.issues.push({
      code: "invalid_format",
      format: "jwt",
      input: payload.value,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodNumber = /* @__PURE__ */ $constructor("$ZodNumber", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = number;
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce)
      try {
        payload.value = Number(payload.value);
      } catch (_) {
      }
    const input = payload.value;
    if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
      return payload;
    }
    const received = typeof input === "number" ? Number.isNaN(input) ? "NaN" : !Number.isFinite(input) ? String(input) : void 0 : void 0;
    payload.issues.push({
      expected: "number",
      code: "invalid_type",
      input,
      inst,
      ...received ? { received } : {}
    });
    return payload;
  };
});
var $ZodNumberFormat = /* @__PURE__ */ $constructor("$ZodNumberFormat", (inst, def) => {
  $ZodCheckNumberFormat.init(inst, def);
  $ZodNumber.init(inst, def);
});
var $ZodBoolean = /* @__PURE__ */ $constructor("$ZodBoolean", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = boolean;
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce)
      try {
        payload.value = Boolean(payload.value);
      } catch (_) {
      }
    const input = payload.value;
    if (typeof input === "boolean")
      return payload;
    payload.issues.push({
      expected: "boolean",
      code: "invalid_type",
      input,
      inst
    });
    return payload;
  };
});
var $ZodBigInt = /* @__PURE__ */ $constructor("$ZodBigInt", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = bigint;
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce)
      try {
        payload.value = BigInt(payload.value);
      } catch (_) {
      }
    if (typeof payload.value === "bigint")
      return payload;
    payload.issues.push({
      expected: "bigint",
      code: "invalid_type",
      input: payload.value,
      inst
    });
    return payload;
  };
});
var $ZodUnknown = /* @__PURE__ */ $constructor("$ZodUnknown", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload) => payload;
});
var $ZodNever = /* @__PURE__ */ $constructor("$ZodNever", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _ctx) => {
    payload.issues.push({
      expected: "never",
      code: "invalid_type",
      input: payload.value,
      inst
    });
    return payload;
  };
});
var $ZodDate = /* @__PURE__ */ $constructor("$ZodDate", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce) {
      try {
        payload.value = new Date(payload.value);
      } catch (_err) {
      }
    }
    const input = payload.value;
    const isDate = input instanceof Date;
    const isValidDate = isDate && !Number.isNaN(input.getTime());
    if (isValidDate)
      return payload;
    payload.issues.push({
      expected: "date",
      code: "invalid_type",
      input,
      ...isDate ? { received: "Invalid Date" } : {},
      inst
    });
    return payload;
  };
});
function capSize(inst, size) {
  const caps = sizeCaps(inst._zod.def.checks);
  if (!caps.length)
    return;
  const cap = Math.min(...caps.map((c) => c[0]));
  const parse2 = inst._zod.parse;
  inst._zod.parse = (payload, ctx) => {
    const n2 = size(payload.value);
    if (n2 > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
      for (const [max, ch] of sizeCaps(inst._zod.def.checks)) {
        if (n2 > max && ch._zod.def.when(payload)) {
          const start = payload.issues.length;
          ch._zod.check(payload);
          payload.issues[start].continue = false;
          attachSchema(payload.issues, start, inst);
          return payload;
        }
      }
    }
    return parse2(payload, ctx);
  };
}
var arraySize = (input) => Array.isArray(input) ? input.length : -1;
function handleArrayResult(result, final, index) {
  if (result.issues.length) {
    final.issues.push(...prefixIssues(index, result.issues));
  }
  final.value[index] = result.value;
}
var $ZodArray = /* @__PURE__ */ $constructor("$ZodArray", (inst, def) => {
  $ZodType.init(inst, def);
  const memo2 = globalConfig.memoizer;
  memo2?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    if (!Array.isArray(input)) {
      payload.issues.push({
        expected: "array",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    payload.value = memo2 ? memo2.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
    const proms = [];
    const abortEarly = ctx?.abortEarly;
    for (let i = 0; i < input.length; i++) {
      const item = input[i];
      const result = def.element._zod.run({
        value: item,
        issues: []
      }, ctx);
      if (result instanceof Promise) {
        proms.push(result.then((result2) => handleArrayResult(result2, payload, i)));
      } else {
        handleArrayResult(result, payload, i);
        if (abortEarly && result.issues.length !== 0 && aborted(result))
          break;
      }
    }
    if (proms.length) {
      return Promise.all(proms).then(() => payload);
    }
    return payload;
  };
  capSize(inst, arraySize);
});
function handlePropertyResult(result, final, key, input, optin, optout) {
  const isPresent = key in input;
  const isOptionalOut = optout === "optional";
  if (!isPresent && isOptionalOut && optin === "optional") {
    return;
  }
  if (result.issues.length) {
    if (optin !== void 0 && isOptionalOut && !isPresent) {
      return;
    }
    final.issues.push(...prefixIssues(key, result.issues));
  }
  if (!isPresent && optin === void 0) {
    if (!result.issues.length) {
      final.issues.push({
        code: "invalid_type",
        expected: "nonoptional",
        input: void 0,
        path: [key]
      });
    }
    return;
  }
  if (result.value === void 0) {
    if (isPresent || optin === "defaulted" && !isOptionalOut) {
      final.value[key] = void 0;
    }
  } else {
    final.value[key] = result.value;
  }
}
var NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
  const keys2 = Object.keys(def.shape);
  const ownSymbols = Object.getOwnPropertySymbols(def.shape);
  const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
  const allKeys = symbolKeys.length ? [...keys2, ...symbolKeys] : keys2;
  for (const k of allKeys) {
    if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
      throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
    }
  }
  const okeys = optionalKeys(def.shape);
  return {
    ...def,
    allKeys,
    symbolKeys,
    // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
    keySet: new Set(keys2),
    numKeys: keys2.length,
    optionalKeys: new Set(okeys)
  };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
  const unrecognized = [];
  const keySet = def.keySet;
  const _catchall = def.catchall._zod;
  const t = _catchall.def.type;
  const optin = _catchall.optin;
  const optout = _catchall.optout;
  let seen = 0;
  for (const key in input) {
    if (abortEarly && payload.issues.length !== seen) {
      if (aborted(payload, seen))
        break;
      seen = payload.issues.length;
    }
    if (keySet.has(key))
      continue;
    if (key === "__proto__") {
      if (t === "never")
        unrecognized.push(key);
      continue;
    }
    if (t === "never") {
      unrecognized.push(key);
      continue;
    }
    const r = _catchall.run({ value: input[key], issues: [] }, ctx);
    if (r instanceof Promise) {
      proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
    } else {
      handlePropertyResult(r, payload, key, input, optin, optout);
    }
  }
  if (unrecognized.length) {
    payload.issues.push({
      code: "unrecognized_keys",
      keys: unrecognized,
      input,
      inst,
      // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
      continue: true
    });
  }
  if (!proms.length)
    return payload;
  return Promise.all(proms).then(() => {
    return payload;
  });
}
var $ZodObject = /* @__PURE__ */ $constructor("$ZodObject", (inst, def) => {
  $ZodType.init(inst, def);
  const desc = Object.getOwnPropertyDescriptor(def, "shape");
  const sh = desc?.get ? desc.get.raw : def.shape ?? {};
  if (sh) {
    const get = () => {
      const newSh = { ...sh };
      Object.defineProperty(def, "shape", { value: newSh });
      get.raw = newSh;
      return newSh;
    };
    get.raw = sh;
    Object.defineProperty(def, "shape", { get });
  }
  const _normalized = cached(() => normalizeDef(def));
  defineLazyInternal(inst, "propValues", (zod) => {
    const shape = zod.def.shape;
    const propValues = {};
    for (const key in shape) {
      const field = shape[key]._zod;
      if (field.values) {
        if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
          assignProp(propValues, key, /* @__PURE__ */ new Set());
        }
        for (const v of field.values)
          propValues[key].add(v);
        if (field.optin !== void 0)
          propValues[key].add(void 0);
      }
    }
    return propValues;
  });
  const isObject2 = isObject;
  const catchall = def.catchall;
  let value;
  const memo2 = globalConfig.memoizer;
  memo2?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    value ?? (value = _normalized.value);
    const input = payload.value;
    if (!isObject2(input)) {
      payload.issues.push({
        expected: "object",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    payload.value = memo2 ? memo2.alloc(inst, payload, {}, ctx) : {};
    const proms = [];
    const shape = value.shape;
    const abortEarly = ctx?.abortEarly;
    let seen = payload.issues.length;
    for (const key of value.allKeys) {
      if (abortEarly && payload.issues.length !== seen) {
        if (aborted(payload, seen))
          break;
        seen = payload.issues.length;
      }
      if (key === "__proto__")
        continue;
      const el = shape[key];
      const optin = el._zod.optin;
      const optout = el._zod.optout;
      const r = el._zod.run({ value: input[key], issues: [] }, ctx);
      if (r instanceof Promise) {
        proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
      } else {
        handlePropertyResult(r, payload, key, input, optin, optout);
      }
    }
    if (!catchall) {
      return proms.length ? Promise.all(proms).then(() => payload) : payload;
    }
    return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
  };
});
var $ZodObjectJIT = /* @__PURE__ */ $constructor("$ZodObjectJIT", (inst, def) => {
  $ZodObject.init(inst, def);
  const superParse = inst._zod.parse;
  const _normalized = cached(() => normalizeDef(def));
  const memo2 = globalConfig.memoizer;
  const generateFastpass = (shape) => {
    const normalized = _normalized.value;
    const syms = normalized.symbolKeys;
    const doc = new Doc(["payload", "ctx"], { shape, inst, memo: memo2, syms });
    const parseStr = (k) => `shape[${k}]._zod.run({ value: input[${k}], issues: [] }, ctx)`;
    const prefixStr = (id, k) => `
          let ${id}_ab = false;
          for (let i = 0; i < ${id}.issues.length; i++) {
            const iss = ${id}.issues[i];
            iss.path = iss.path ? [${k}, ...iss.path] : [${k}];
            payload.issues.push(iss);
            if (iss.continue !== true) ${id}_ab = true;
          }
          if (${id}_ab && ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }`;
    doc.write(`const input = payload.value;`);
    const ids = /* @__PURE__ */ Object.create(null);
    let counter = 0;
    for (const key of normalized.allKeys) {
      ids[key] = `key_${counter++}`;
    }
    doc.write(memo2 ? `const newResult = memo.alloc(inst, payload, {}, ctx);` : `const newResult = {};`);
    for (const key of normalized.allKeys) {
      if (key === "__proto__")
        continue;
      const id = ids[key];
      const k = typeof key === "symbol" ? `syms[${syms.indexOf(key)}]` : esc(key);
      const isPresent = `${k} in input`;
      const schema = shape[key];
      const optin = schema?._zod?.optin;
      const isOptionalIn = optin !== void 0;
      const isOptionalOut = schema?._zod?.optout === "optional";
      doc.write(`const ${id} = ${parseStr(k)};`);
      if (isOptionalIn && isOptionalOut) {
        const assign = optin === "optional" ? `${id}_present` : `${id}.value !== undefined || ${id}_present`;
        doc.write(`
        const ${id}_present = ${isPresent};
        if (!${id}.issues.length || ${id}_present) {
          if (${id}.issues.length) {${prefixStr(id, k)}
          }

          if (${assign}) {
            newResult[${k}] = ${id}.value;
          }
        }

      `);
      } else if (!isOptionalIn) {
        doc.write(`
        const ${id}_present = ${isPresent};
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
        if (!${id}_present && !${id}.issues.length) {
          payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: undefined,
            path: [${k}]
          });
          if (ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }
        }

        if (${id}_present) {
          newResult[${k}] = ${id}.value;
        }

      `);
      } else {
        doc.write(`
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
      `);
        if (optin === "defaulted") {
          doc.write(`newResult[${k}] = ${id}.value;`);
        } else {
          doc.write(`
        if (${id}.value !== undefined || ${isPresent}) {
          newResult[${k}] = ${id}.value;
        }
      `);
        }
      }
    }
    doc.write(`payload.value = newResult;`);
    doc.write(`return payload;`);
    return doc.compile();
  };
  let fastpass;
  const isObject2 = isObject;
  const jit = !globalConfig.jitless;
  const allowsEval2 = allowsEval;
  const fastEnabled = jit && allowsEval2.value;
  const catchall = def.catchall;
  let value;
  inst._zod.parse = (payload, ctx) => {
    value ?? (value = _normalized.value);
    const input = payload.value;
    if (!isObject2(input)) {
      payload.issues.push({
        expected: "object",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    if (jit && fastEnabled && ctx?.async === false && ctx.jitless !== true) {
      if (!fastpass)
        fastpass = generateFastpass(def.shape);
      payload = fastpass(payload, ctx);
      if (!catchall)
        return payload;
      return handleCatchall([], input, payload, ctx, value, inst, ctx?.abortEarly === true);
    }
    return superParse(payload, ctx);
  };
});
function handleUnionResults(results, final, inst, ctx) {
  for (const result of results) {
    if (result.issues.length === 0) {
      final.value = result.value;
      return final;
    }
  }
  const nonaborted = results.filter((r) => !aborted(r));
  if (nonaborted.length === 1) {
    final.value = nonaborted[0].value;
    return nonaborted[0];
  }
  final.issues.push({
    code: "invalid_union",
    input: final.value,
    inst,
    errors: results.map((result) => result.issues.map((iss) => finalizeIssue(iss, ctx, config())))
  });
  return final;
}
var $ZodUnion = /* @__PURE__ */ $constructor("$ZodUnion", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.options.some((o) => o._zod.optin === "defaulted") ? "defaulted" : zod.def.options.some((o) => o._zod.optin !== void 0) ? "optional" : void 0);
  defineLazyInternal(inst, "optout", (zod) => zod.def.options.some((o) => o._zod.optout === "optional") ? "optional" : void 0);
  defineLazyInternal(inst, "values", (zod) => {
    if (zod.def.options.every((o) => o._zod.values)) {
      return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
    }
    return void 0;
  });
  defineLazyInternal(inst, "pattern", (zod) => {
    if (zod.def.options.every((o) => o._zod.pattern)) {
      const patterns = zod.def.options.map((o) => o._zod.pattern);
      return new RegExp(`^(${patterns.map((p) => cleanRegex(p.source)).join("|")})$`);
    }
    return void 0;
  });
  const first = def.options.length === 1 ? def.options[0]._zod.run : null;
  inst._zod.parse = (payload, ctx) => {
    if (first) {
      return first(payload, ctx);
    }
    let async = false;
    const results = [];
    for (const option of def.options) {
      const result = option._zod.run({
        value: payload.value,
        issues: []
      }, ctx);
      if (result instanceof Promise) {
        results.push(result);
        async = true;
      } else {
        if (result.issues.length === 0)
          return result;
        results.push(result);
      }
    }
    if (!async)
      return handleUnionResults(results, payload, inst, ctx);
    return Promise.all(results).then((results2) => {
      return handleUnionResults(results2, payload, inst, ctx);
    });
  };
});
var $ZodIntersection = /* @__PURE__ */ $constructor("$ZodIntersection", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    const left = def.left._zod.run({ value: input, issues: [] }, ctx);
    const right = def.right._zod.run({ value: input, issues: [] }, ctx);
    const async = left instanceof Promise || right instanceof Promise;
    if (async) {
      return Promise.all([left, right]).then(([left2, right2]) => {
        return handleIntersectionResults(payload, left2, right2);
      });
    }
    return handleIntersectionResults(payload, left, right);
  };
});
function mergeValues(a, b) {
  if (a === b) {
    return { valid: true, data: a };
  }
  if (a instanceof Date && b instanceof Date && +a === +b) {
    return { valid: true, data: a };
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const bKeys = Object.keys(b);
    const sharedKeys = Object.keys(a).filter((key) => bKeys.indexOf(key) !== -1);
    const newObj = { ...a, ...b };
    if (Object.prototype.hasOwnProperty.call(newObj, "__proto__"))
      delete newObj.__proto__;
    for (const key of sharedKeys) {
      if (key === "__proto__")
        continue;
      const sharedValue = mergeValues(a[key], b[key]);
      if (!sharedValue.valid) {
        return {
          valid: false,
          mergeErrorPath: [key, ...sharedValue.mergeErrorPath]
        };
      }
      newObj[key] = sharedValue.data;
    }
    return { valid: true, data: newObj };
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) {
      return { valid: false, mergeErrorPath: [] };
    }
    const newArray = [];
    for (let index = 0; index < a.length; index++) {
      const itemA = a[index];
      const itemB = b[index];
      const sharedValue = mergeValues(itemA, itemB);
      if (!sharedValue.valid) {
        return {
          valid: false,
          mergeErrorPath: [index, ...sharedValue.mergeErrorPath]
        };
      }
      newArray.push(sharedValue.data);
    }
    return { valid: true, data: newArray };
  }
  return { valid: false, mergeErrorPath: [] };
}
function handleIntersectionResults(result, left, right) {
  const unrecKeys = /* @__PURE__ */ new Map();
  let unrecIssue;
  const keyIssues = /* @__PURE__ */ new Map();
  const collect = (iss, side) => {
    let keys2;
    if (iss.code === "unrecognized_keys" && !iss.path?.length) {
      unrecIssue ?? (unrecIssue = iss);
      keys2 = iss.keys;
    } else if (iss.code === "invalid_key" && iss.origin === "record" && iss.path?.length === 1) {
      const k = String(iss.path[0]);
      if (!keyIssues.has(k))
        keyIssues.set(k, iss);
      keys2 = [k];
    } else {
      return false;
    }
    for (const k of keys2) {
      if (!unrecKeys.has(k))
        unrecKeys.set(k, {});
      unrecKeys.get(k)[side] = true;
    }
    return true;
  };
  for (const iss of left.issues) {
    if (!collect(iss, "l"))
      result.issues.push(iss);
  }
  for (const iss of right.issues) {
    if (!collect(iss, "r"))
      result.issues.push(iss);
  }
  const bothKeys = [...unrecKeys].filter(([, f]) => f.l && f.r).map(([k]) => k);
  if (bothKeys.length) {
    const aggregated = unrecIssue ? bothKeys.filter((k) => unrecIssue.keys.includes(k)) : [];
    if (aggregated.length)
      result.issues.push({ ...unrecIssue, keys: aggregated });
    for (const k of bothKeys) {
      if (!aggregated.includes(k) && keyIssues.has(k))
        result.issues.push(keyIssues.get(k));
    }
  }
  const merged = mergeValues(left.value, right.value);
  if (!merged.valid) {
    if (aborted(result))
      return result;
    throw new Error(`Unmergable intersection. Error path: ${JSON.stringify(merged.mergeErrorPath)}`);
  }
  result.value = merged.data;
  return result;
}
var $ZodRecord = /* @__PURE__ */ $constructor("$ZodRecord", (inst, def) => {
  $ZodType.init(inst, def);
  const memo2 = globalConfig.memoizer;
  memo2?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    if (!isPlainObject(input)) {
      payload.issues.push({
        expected: "record",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    const proms = [];
    const values = def.keyType._zod.values;
    if (values && !def.partial) {
      payload.value = memo2 ? memo2.alloc(inst, payload, {}, ctx) : {};
      const recordKeys = /* @__PURE__ */ new Set();
      for (const key of values) {
        if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
          recordKeys.add(typeof key === "number" ? key.toString() : key);
          if (key === "__proto__")
            continue;
          const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
          if (keyResult instanceof Promise) {
            throw new Error("Async schemas not supported in object keys currently");
          }
          if (keyResult.issues.length) {
            payload.issues.push({
              code: "invalid_key",
              origin: "record",
              issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
              input: key,
              path: [key],
              inst
            });
            continue;
          }
          const outKey = keyResult.value;
          if (outKey === "__proto__")
            continue;
          const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
          if (result instanceof Promise) {
            proms.push(result.then((result2) => {
              if (result2.issues.length) {
                payload.issues.push(...prefixIssues(key, result2.issues));
              }
              payload.value[outKey] = result2.value;
            }));
          } else {
            if (result.issues.length) {
              payload.issues.push(...prefixIssues(key, result.issues));
            }
            payload.value[outKey] = result.value;
          }
        }
      }
      let unrecognized;
      for (const key in input) {
        if (!recordKeys.has(key)) {
          if (def.mode === "loose") {
            if (key === "__proto__")
              continue;
            payload.value[key] = input[key];
          } else {
            unrecognized = unrecognized ?? [];
            unrecognized.push(key);
          }
        }
      }
      if (unrecognized && unrecognized.length > 0) {
        payload.issues.push({
          code: "unrecognized_keys",
          input,
          inst,
          keys: unrecognized,
          continue: true
        });
      }
    } else {
      payload.value = memo2 ? memo2.alloc(inst, payload, {}, ctx) : {};
      let unrecognized;
      for (const key of Reflect.ownKeys(input)) {
        if (key === "__proto__")
          continue;
        if (!Object.prototype.propertyIsEnumerable.call(input, key))
          continue;
        let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
        if (keyResult instanceof Promise) {
          throw new Error("Async schemas not supported in object keys currently");
        }
        const checkNumericKey = typeof key === "string" && number.test(key) && keyResult.issues.length;
        if (checkNumericKey) {
          const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
          if (retryResult instanceof Promise) {
            throw new Error("Async schemas not supported in object keys currently");
          }
          if (retryResult.issues.length === 0) {
            keyResult = retryResult;
          }
        }
        if (keyResult.issues.length) {
          if (def.mode === "loose") {
            payload.value[key] = input[key];
          } else if (values) {
            unrecognized = unrecognized ?? [];
            unrecognized.push(key);
          } else {
            payload.issues.push({
              code: "invalid_key",
              origin: "record",
              issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
              input: key,
              path: [key],
              inst
            });
          }
          continue;
        }
        const outKey = keyResult.value;
        if (outKey === "__proto__")
          continue;
        const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
        if (result instanceof Promise) {
          proms.push(result.then((result2) => {
            if (result2.issues.length) {
              payload.issues.push(...prefixIssues(key, result2.issues));
            }
            payload.value[outKey] = result2.value;
          }));
        } else {
          if (result.issues.length) {
            payload.issues.push(...prefixIssues(key, result.issues));
          }
          payload.value[outKey] = result.value;
        }
      }
      if (unrecognized && unrecognized.length > 0) {
        payload.issues.push({
          code: "unrecognized_keys",
          input,
          inst,
          keys: unrecognized,
          continue: true
        });
      }
    }
    if (proms.length) {
      return Promise.all(proms).then(() => payload);
    }
    return payload;
  };
});
var $ZodEnum = /* @__PURE__ */ $constructor("$ZodEnum", (inst, def) => {
  $ZodType.init(inst, def);
  const values = getEnumValues(def.entries);
  const valuesSet = new Set(values);
  inst._zod.values = valuesSet;
  defineLazyInternal(inst, "pattern", (zod) => {
    const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
    return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
  });
  inst._zod.parse = (payload, _ctx) => {
    const input = payload.value;
    if (valuesSet.has(input)) {
      return payload;
    }
    payload.issues.push({
      code: "invalid_value",
      values,
      input,
      inst
    });
    return payload;
  };
});
var $ZodTransform = /* @__PURE__ */ $constructor("$ZodTransform", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.optin = "optional";
  globalConfig.memoizer?.guard(inst);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      throw new $ZodEncodeError(inst.constructor.name);
    }
    const _out = def.transform(payload.value, payload);
    if (ctx.async) {
      const output = _out instanceof Promise ? _out : Promise.resolve(_out);
      return output.then((output2) => {
        payload.value = output2;
        return payload;
      });
    }
    if (_out instanceof Promise) {
      throw new $ZodAsyncError();
    }
    payload.value = _out;
    return payload;
  };
});
function handleOptionalResult(payload, result) {
  payload.value = result.issues.length ? void 0 : result.value;
  return payload;
}
var $ZodOptional = /* @__PURE__ */ $constructor("$ZodOptional", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
  inst._zod.optout = "optional";
  defineLazyInternal(inst, "values", (zod) => {
    const values = zod.def.innerType._zod.values;
    return values ? /* @__PURE__ */ new Set([...values, void 0]) : void 0;
  });
  defineLazyInternal(inst, "pattern", (zod) => {
    const pattern = zod.def.innerType._zod.pattern;
    return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : void 0;
  });
  inst._zod.parse = (payload, ctx) => {
    if (payload.value === void 0) {
      if (def.innerType._zod.optin !== "defaulted")
        return payload;
      const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
      if (result instanceof Promise)
        return result.then((result2) => handleOptionalResult(payload, result2));
      return handleOptionalResult(payload, result);
    }
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodExactOptional = /* @__PURE__ */ $constructor("$ZodExactOptional", (inst, def) => {
  $ZodOptional.init(inst, def);
  defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
  defineLazyInternal(inst, "pattern", (zod) => zod.def.innerType._zod.pattern);
  inst._zod.parse = (payload, ctx) => {
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodNullable = /* @__PURE__ */ $constructor("$ZodNullable", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin);
  defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
  defineLazyInternal(inst, "pattern", (zod) => {
    const pattern = zod.def.innerType._zod.pattern;
    return pattern ? new RegExp(`^(${cleanRegex(pattern.source)}|null)$`) : void 0;
  });
  defineLazyInternal(inst, "values", (zod) => {
    return zod.def.innerType._zod.values ? /* @__PURE__ */ new Set([...zod.def.innerType._zod.values, null]) : void 0;
  });
  inst._zod.parse = (payload, ctx) => {
    if (payload.value === null)
      return payload;
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodDefault = /* @__PURE__ */ $constructor("$ZodDefault", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.optin = "defaulted";
  defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      return def.innerType._zod.run(payload, ctx);
    }
    if (payload.value === void 0) {
      payload.value = def.defaultValue;
      return payload;
    }
    const result = def.innerType._zod.run(payload, ctx);
    if (result instanceof Promise) {
      return result.then((result2) => handleDefaultResult(result2, def));
    }
    return handleDefaultResult(result, def);
  };
});
function handleDefaultResult(payload, def) {
  if (payload.value === void 0) {
    payload.value = def.defaultValue;
  }
  return payload;
}
var $ZodPrefault = /* @__PURE__ */ $constructor("$ZodPrefault", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.optin = "defaulted";
  defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      return def.innerType._zod.run(payload, ctx);
    }
    if (payload.value === void 0) {
      payload.value = def.defaultValue;
    }
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodNonOptional = /* @__PURE__ */ $constructor("$ZodNonOptional", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "values", (zod) => {
    const v = zod.def.innerType._zod.values;
    return v ? new Set([...v].filter((x) => x !== void 0)) : void 0;
  });
  inst._zod.parse = (payload, ctx) => {
    const result = def.innerType._zod.run(payload, ctx);
    if (result instanceof Promise) {
      return result.then((result2) => handleNonOptionalResult(result2, inst));
    }
    return handleNonOptionalResult(result, inst);
  };
});
function handleNonOptionalResult(payload, inst) {
  if (!payload.issues.length && payload.value === void 0) {
    payload.issues.push({
      code: "invalid_type",
      expected: "nonoptional",
      input: payload.value,
      inst
    });
  }
  return payload;
}
function handleCatchResult(payload, result, def, ctx) {
  if (!result.issues.length) {
    payload.value = result.value;
    if (result.memo)
      payload.memo = true;
    return payload;
  }
  payload.value = def.catchValue({
    ...result,
    value: payload.value,
    error: {
      issues: result.issues.map((iss) => finalizeIssue(iss, ctx, config()))
    },
    input: payload.value
  });
  return payload;
}
var $ZodCatch = /* @__PURE__ */ $constructor("$ZodCatch", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
  defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
  defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      return def.innerType._zod.run(payload, ctx);
    }
    const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
    if (result instanceof Promise) {
      return result.then((result2) => handleCatchResult(payload, result2, def, ctx));
    }
    return handleCatchResult(payload, result, def, ctx);
  };
});
var $ZodPipe = /* @__PURE__ */ $constructor("$ZodPipe", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
  defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
  defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
  defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      const right = def.out._zod.run(payload, ctx);
      if (right instanceof Promise) {
        return right.then((right2) => handlePipeResult(right2, def.in, ctx));
      }
      return handlePipeResult(right, def.in, ctx);
    }
    const left = def.in._zod.run(payload, ctx);
    if (left instanceof Promise) {
      return left.then((left2) => handlePipeResult(left2, def.out, ctx));
    }
    return handlePipeResult(left, def.out, ctx);
  };
});
function handlePipeResult(left, next, ctx) {
  if (left.issues.some((iss) => iss.code !== "unrecognized_keys")) {
    left.aborted = true;
    return left;
  }
  return next._zod.run({ value: left.value, issues: left.issues }, ctx);
}
var $ZodPreprocess = /* @__PURE__ */ $constructor("$ZodPreprocess", (inst, def) => {
  $ZodPipe.init(inst, def);
});
var $ZodReadonly = /* @__PURE__ */ $constructor("$ZodReadonly", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "propValues", (zod) => zod.def.innerType._zod.propValues);
  defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
  defineLazyInternal(inst, "optin", (zod) => zod.def.innerType?._zod?.optin);
  defineLazyInternal(inst, "optout", (zod) => zod.def.innerType?._zod?.optout);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      return def.innerType._zod.run(payload, ctx);
    }
    const result = def.innerType._zod.run(payload, ctx);
    if (result instanceof Promise) {
      return result.then(handleReadonlyResult);
    }
    return handleReadonlyResult(result);
  };
});
function handleReadonlyResult(payload) {
  if (!payload.memo)
    payload.value = Object.freeze(payload.value);
  return payload;
}
var $ZodCustom = /* @__PURE__ */ $constructor("$ZodCustom", (inst, def) => {
  $ZodCheck.init(inst, def);
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _) => {
    return payload;
  };
  inst._zod.check = (payload) => {
    const input = payload.value;
    const r = def.fn(input);
    if (r instanceof Promise) {
      return r.then((r2) => handleRefineResult(r2, payload, input, inst));
    }
    handleRefineResult(r, payload, input, inst);
    return;
  };
});
function handleRefineResult(result, payload, input, inst) {
  if (!result) {
    const _iss = {
      code: "custom",
      input,
      inst,
      // incorporates params.error into issue reporting
      path: [...inst._zod.def.path ?? []],
      // incorporates params.error into issue reporting
      continue: !inst._zod.def.abort
      // params: inst._zod.def.params,
    };
    if (inst._zod.def.params)
      _iss.params = inst._zod.def.params;
    payload.issues.push(issue(_iss));
  }
}

// node_modules/zod/v4/core/memoizer.js
var $ZodCyclicError = class extends Error {
  constructor() {
    super(`Cannot parse a reference cycle that closes through a transform`);
    this.name = "ZodCyclicError";
  }
};
var STATE = "~memo";
var NO_ISSUES = [];
function isRef(value) {
  return value !== null && typeof value === "object";
}
function cloneIssues(issues) {
  return issues.map((iss) => iss.path ? { ...iss, path: iss.path.slice() } : { ...iss });
}
var recursive = /* @__PURE__ */ new WeakMap();
var NONE = 0;
var ASSUMED = 1;
var PROVEN = 2;
function isRecursive(inst, stack, resolve5) {
  const cached2 = recursive.get(inst);
  if (cached2 !== void 0)
    return cached2 ? PROVEN : NONE;
  if (stack.has(inst))
    return PROVEN;
  stack.add(inst);
  let result = NONE;
  const check = (child) => {
    if (result !== PROVEN && child?._zod) {
      const answer = isRecursive(child, stack, resolve5);
      if (answer > result)
        result = answer;
    }
  };
  const shape = (sh, spread) => {
    let answer = NONE;
    for (const key of Reflect.ownKeys(sh)) {
      const desc = Object.getOwnPropertyDescriptor(sh, key);
      if (spread && !desc.enumerable)
        continue;
      const child = desc.get ? ASSUMED : desc.value?._zod ? isRecursive(desc.value, stack, resolve5) : NONE;
      if (child > answer)
        answer = child;
    }
    return answer;
  };
  const merge2 = (answer) => {
    if (answer > result)
      result = answer;
  };
  const def = inst._zod.def;
  const kind = def.type;
  switch (kind) {
    case "object": {
      const raw = rawShape(def);
      merge2(raw ? shape(raw, true) : ASSUMED);
      check(def.catchall);
      break;
    }
    case "array":
      check(def.element);
      break;
    case "tuple":
      for (const el of def.items)
        check(el);
      check(def.rest);
      break;
    case "record":
    case "map":
      check(def.keyType);
      check(def.valueType);
      break;
    case "set":
      check(def.valueType);
      break;
    case "union":
      for (const el of def.options)
        check(el);
      break;
    case "intersection":
      check(def.left);
      check(def.right);
      break;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
    case "promise":
    case "success":
      check(def.innerType);
      break;
    case "pipe":
      check(def.in);
      check(def.out);
      break;
    case "function":
      check(def.input);
      check(def.output);
      break;
    // `$ZodLazy` caches its inner on the def, so a resolved edge is followed exactly
    case "lazy": {
      const inner = def._cachedInner ?? (resolve5 ? inst._zod.innerType : void 0);
      merge2(inner ? isRecursive(inner, stack, false) : ASSUMED);
      break;
    }
    // a leaf by choice: `parts` are regex fragments, not data positions
    case "template_literal":
    // leaves
    case "string":
    case "number":
    case "int":
    case "boolean":
    case "bigint":
    case "symbol":
    case "undefined":
    case "null":
    case "void":
    case "never":
    case "any":
    case "unknown":
    case "date":
    case "nan":
    case "enum":
    case "literal":
    case "file":
    case "transform":
    case "custom":
      break;
    default: {
      kind;
      for (const key in def) {
        const desc = Object.getOwnPropertyDescriptor(def, key);
        if (!desc || desc.get)
          continue;
        const value = desc.value;
        if (!value || typeof value !== "object")
          continue;
        if (value._zod)
          check(value);
        else if (Array.isArray(value))
          for (const el of value)
            check(el);
      }
    }
  }
  stack.delete(inst);
  return settle(inst, result);
}
function settle(inst, answer) {
  if (answer !== ASSUMED)
    recursive.set(inst, answer === PROVEN);
  return answer;
}
function bucketFor(state, inst) {
  let bucket = state.buckets.get(inst);
  if (!bucket) {
    bucket = /* @__PURE__ */ new WeakMap();
    state.buckets.set(inst, bucket);
  }
  return bucket;
}
var handoff;
var open = [];
var memo = {
  alloc(_inst, payload, empty) {
    const bucket = handoff;
    if (!bucket)
      return empty;
    handoff = void 0;
    const entry = { value: empty, issues: null };
    bucket.set(payload.value, entry);
    open.push(entry);
    return empty;
  },
  guard(inst) {
    var _a3;
    (_a3 = inst._zod).deferred ?? (_a3.deferred = []);
    inst._zod.deferred.push(() => {
      const base = inst._zod.parse;
      const wrapped = (payload, ctx) => {
        if (ctx.direction !== "backward" && isBackEdge(ctx, payload.value))
          throw new $ZodCyclicError();
        return base(payload, ctx);
      };
      inst._zod.parse = wrapped;
      if (inst._zod.run === base)
        inst._zod.run = wrapped;
    });
  },
  attach(inst) {
    var _a3;
    let isRecursiveInst;
    let rechecked = false;
    let lastCtx;
    let lastBucket;
    (_a3 = inst._zod).deferred ?? (_a3.deferred = []);
    inst._zod.deferred.push(() => {
      const base = inst._zod.parse;
      const wrapped = (payload, ctx) => {
        if (isRecursiveInst === void 0) {
          const walked = isRecursive(inst, /* @__PURE__ */ new Set(), false);
          if (walked === NONE) {
            inst._zod.parse = base;
            if (inst._zod.run === wrapped)
              inst._zod.run = base;
            return base(payload, ctx);
          }
          if (walked === PROVEN || rechecked)
            isRecursiveInst = true;
          else
            rechecked = true;
        }
        const input = payload.value;
        if (!isRef(input))
          return base(payload, ctx);
        let state = ctx[STATE];
        if (!state) {
          state = { buckets: /* @__PURE__ */ new WeakMap(), backEdges: void 0 };
          ctx[STATE] = state;
        }
        let bucket;
        if (lastCtx === ctx) {
          bucket = lastBucket;
        } else {
          bucket = bucketFor(state, inst);
          lastCtx = ctx;
          lastBucket = bucket;
        }
        const hit = bucket.get(input);
        if (hit) {
          payload.value = hit.value;
          if (hit.issues) {
            if (hit.issues.length)
              payload.issues.push(...cloneIssues(hit.issues));
          } else {
            payload.memo = true;
            state.backEdges ?? (state.backEdges = /* @__PURE__ */ new WeakSet());
            state.backEdges.add(hit.value);
          }
          return payload;
        }
        handoff = bucket;
        const depth = open.length;
        const result = base(payload, ctx);
        handoff = void 0;
        const entry = open.length > depth ? open.pop() : void 0;
        if (result instanceof Promise) {
          return result.then((r) => {
            if (entry)
              entry.issues = r.issues.length ? cloneIssues(r.issues) : NO_ISSUES;
            return r;
          });
        }
        if (entry)
          entry.issues = result.issues.length ? cloneIssues(result.issues) : NO_ISSUES;
        return result;
      };
      inst._zod.parse = wrapped;
      if (inst._zod.run === base)
        inst._zod.run = wrapped;
    });
  }
};
function memoizer() {
  return memo;
}
function isBackEdge(ctx, value) {
  const backEdges = ctx[STATE]?.backEdges;
  return backEdges !== void 0 && isRef(value) && backEdges.has(value);
}

// node_modules/zod/v4/locales/en.js
var error = () => {
  const Sizable = {
    string: { unit: "characters", verb: "to have" },
    file: { unit: "bytes", verb: "to have" },
    array: { unit: "items", verb: "to have" },
    set: { unit: "items", verb: "to have" },
    map: { unit: "entries", verb: "to have" }
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const FormatDictionary = {
    regex: "input",
    email: "email address",
    url: "URL",
    emoji: "emoji",
    uuid: "UUID",
    uuidv4: "UUIDv4",
    uuidv6: "UUIDv6",
    nanoid: "nanoid",
    guid: "GUID",
    cuid: "cuid",
    cuid2: "cuid2",
    ulid: "ULID",
    xid: "XID",
    ksuid: "KSUID",
    datetime: "ISO datetime",
    date: "ISO date",
    time: "ISO time",
    duration: "ISO duration",
    ipv4: "IPv4 address",
    ipv6: "IPv6 address",
    mac: "MAC address",
    cidrv4: "IPv4 range",
    cidrv6: "IPv6 range",
    base64: "base64-encoded string",
    base64url: "base64url-encoded string",
    json_string: "JSON string",
    e164: "E.164 number",
    currency_code: "currency code",
    credit_card: "credit card number",
    iban: "IBAN",
    jwt: "JWT",
    template_literal: "input"
  };
  const TypeDictionary = {
    // Compatibility: "nan" -> "NaN" for display
    nan: "NaN"
    // All other type names omitted - they fall back to raw values via ?? operator
  };
  function getTypeName(type, input) {
    if (type === "number" && typeof input === "number" && !Number.isFinite(input)) {
      return String(input);
    }
    return TypeDictionary[type] ?? type;
  }
  return (issue2) => {
    switch (issue2.code) {
      case "invalid_type": {
        const expected = getTypeName(issue2.expected);
        const receivedType = parsedType(issue2.input);
        const received = getTypeName(receivedType, issue2.input);
        return `Invalid input: expected ${expected}, received ${received}`;
      }
      case "invalid_value":
        if (issue2.values.length === 1)
          return `Invalid input: expected ${stringifyPrimitive(issue2.values[0])}`;
        return `Invalid option: expected one of ${joinValues(issue2.values, "|")}`;
      case "too_big": {
        const adj = issue2.exact ? "exactly " : issue2.inclusive ? "<=" : "<";
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `Too big: expected ${issue2.origin ?? "value"} to have ${adj}${issue2.maximum.toString()} ${sizing.unit ?? "elements"}`;
        return `Too big: expected ${issue2.origin ?? "value"} to be ${adj}${issue2.maximum.toString()}`;
      }
      case "too_small": {
        const adj = issue2.exact ? "exactly " : issue2.inclusive ? ">=" : ">";
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Too small: expected ${issue2.origin} to have ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `Too small: expected ${issue2.origin} to be ${adj}${issue2.minimum.toString()}`;
      }
      case "invalid_format": {
        const _issue = issue2;
        if (_issue.format === "starts_with") {
          return `Invalid string: must start with "${_issue.prefix}"`;
        }
        if (_issue.format === "ends_with")
          return `Invalid string: must end with "${_issue.suffix}"`;
        if (_issue.format === "includes")
          return `Invalid string: must include "${_issue.includes}"`;
        if (_issue.format === "regex")
          return `Invalid string: must match pattern ${_issue.pattern}`;
        return `Invalid ${FormatDictionary[_issue.format] ?? issue2.format}`;
      }
      case "not_multiple_of":
        return `Invalid number: must be a multiple of ${issue2.divisor}`;
      case "unrecognized_keys":
        return `Unrecognized key${issue2.keys.length > 1 ? "s" : ""}: ${joinValues(issue2.keys, ", ")}`;
      case "invalid_key":
        return `Invalid key in ${issue2.origin}`;
      case "invalid_union":
        if (issue2.options && Array.isArray(issue2.options) && issue2.options.length > 0) {
          const opts = issue2.options.map((o) => `'${o}'`).join(" | ");
          return `Invalid discriminator value. Expected ${opts}`;
        }
        if (issue2.inclusive === false) {
          return "Invalid input: more than one option matched";
        }
        return "Invalid input";
      case "invalid_element":
        return `Invalid value in ${issue2.origin}`;
      default:
        return `Invalid input`;
    }
  };
};
function en_default() {
  return {
    localeError: error()
  };
}

// node_modules/zod/v4/core/registries.js
var _a2;
var $ZodRegistry = class {
  constructor() {
    this._map = /* @__PURE__ */ new WeakMap();
    this._idmap = /* @__PURE__ */ new Map();
  }
  add(schema, ..._meta) {
    const meta2 = _meta[0];
    this._map.set(schema, meta2);
    if (meta2 && typeof meta2 === "object" && "id" in meta2) {
      this._idmap.set(meta2.id, schema);
    }
    return this;
  }
  clear() {
    this._map = /* @__PURE__ */ new WeakMap();
    this._idmap = /* @__PURE__ */ new Map();
    return this;
  }
  remove(schema) {
    const meta2 = this._map.get(schema);
    if (meta2 && typeof meta2 === "object" && "id" in meta2) {
      this._idmap.delete(meta2.id);
    }
    this._map.delete(schema);
    return this;
  }
  get(schema) {
    const p = schema._zod.parent;
    if (p) {
      const pm = { ...this.get(p) ?? {} };
      delete pm.id;
      const f = { ...pm, ...this._map.get(schema) };
      return Object.keys(f).length ? f : void 0;
    }
    return this._map.get(schema);
  }
  has(schema) {
    return this._map.has(schema);
  }
};
function registry() {
  return new $ZodRegistry();
}
(_a2 = globalThis).__zod_globalRegistry ?? (_a2.__zod_globalRegistry = registry());
var globalRegistry = globalThis.__zod_globalRegistry;

// node_modules/zod/v4/core/api.js
function snapshotChecks(def) {
  if (def.checks)
    def.checks = [...def.checks];
  return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class2, params) {
  return new Class2(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _coercedString(Class2, params) {
  return new Class2(snapshotChecks({ type: "string", coerce: true, ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _email(Class2, params) {
  return new Class2({
    type: "string",
    format: "email",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _guid(Class2, params) {
  return new Class2({
    type: "string",
    format: "guid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uuid(Class2, params) {
  return new Class2({
    type: "string",
    format: "uuid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uuidv4(Class2, params) {
  return new Class2({
    type: "string",
    format: "uuid",
    check: "string_format",
    abort: false,
    version: "v4",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uuidv6(Class2, params) {
  return new Class2({
    type: "string",
    format: "uuid",
    check: "string_format",
    abort: false,
    version: "v6",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uuidv7(Class2, params) {
  return new Class2({
    type: "string",
    format: "uuid",
    check: "string_format",
    abort: false,
    version: "v7",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _url(Class2, params) {
  return new Class2({
    type: "string",
    format: "url",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _emoji2(Class2, params) {
  return new Class2({
    type: "string",
    format: "emoji",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _nanoid(Class2, params) {
  return new Class2({
    type: "string",
    format: "nanoid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _cuid(Class2, params) {
  return new Class2({
    type: "string",
    format: "cuid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _cuid2(Class2, params) {
  return new Class2({
    type: "string",
    format: "cuid2",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _ulid(Class2, params) {
  return new Class2({
    type: "string",
    format: "ulid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _xid(Class2, params) {
  return new Class2({
    type: "string",
    format: "xid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _ksuid(Class2, params) {
  return new Class2({
    type: "string",
    format: "ksuid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _ipv4(Class2, params) {
  return new Class2({
    type: "string",
    format: "ipv4",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _ipv6(Class2, params) {
  return new Class2({
    type: "string",
    format: "ipv6",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _cidrv4(Class2, params) {
  return new Class2({
    type: "string",
    format: "cidrv4",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _cidrv6(Class2, params) {
  return new Class2({
    type: "string",
    format: "cidrv6",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _base64(Class2, params) {
  return new Class2({
    type: "string",
    format: "base64",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _base64url(Class2, params) {
  return new Class2({
    type: "string",
    format: "base64url",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _e164(Class2, params) {
  return new Class2({
    type: "string",
    format: "e164",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _jwt(Class2, params) {
  return new Class2({
    type: "string",
    format: "jwt",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _isoDateTime(Class2, params) {
  return new Class2({
    type: "string",
    format: "datetime",
    check: "string_format",
    offset: false,
    local: false,
    precision: null,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _isoDate(Class2, params) {
  return new Class2({
    type: "string",
    format: "date",
    check: "string_format",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _isoTime(Class2, params) {
  return new Class2({
    type: "string",
    format: "time",
    check: "string_format",
    precision: null,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _isoDuration(Class2, params) {
  return new Class2({
    type: "string",
    format: "duration",
    check: "string_format",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _number(Class2, params) {
  return new Class2(snapshotChecks({ type: "number", checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _coercedNumber(Class2, params) {
  return new Class2(snapshotChecks({ type: "number", coerce: true, checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _int(Class2, params) {
  return new Class2({
    type: "number",
    check: "number_format",
    abort: false,
    format: "safeint",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class2, params) {
  return new Class2({
    type: "boolean",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _coercedBoolean(Class2, params) {
  return new Class2({
    type: "boolean",
    coerce: true,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _coercedBigint(Class2, params) {
  return new Class2({
    type: "bigint",
    coerce: true,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class2) {
  return new Class2({
    type: "unknown"
  });
}
// @__NO_SIDE_EFFECTS__
function _never(Class2, params) {
  return new Class2({
    type: "never",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _coercedDate(Class2, params) {
  return new Class2({
    type: "date",
    coerce: true,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _lt(value, params) {
  return new $ZodCheckLessThan({
    check: "less_than",
    ...normalizeParams(params),
    value,
    inclusive: false
  });
}
// @__NO_SIDE_EFFECTS__
function _lte(value, params) {
  return new $ZodCheckLessThan({
    check: "less_than",
    ...normalizeParams(params),
    value,
    inclusive: true
  });
}
// @__NO_SIDE_EFFECTS__
function _gt(value, params) {
  return new $ZodCheckGreaterThan({
    check: "greater_than",
    ...normalizeParams(params),
    value,
    inclusive: false
  });
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
  return new $ZodCheckGreaterThan({
    check: "greater_than",
    ...normalizeParams(params),
    value,
    inclusive: true
  });
}
// @__NO_SIDE_EFFECTS__
function _multipleOf(value, params) {
  return new $ZodCheckMultipleOf({
    check: "multiple_of",
    ...normalizeParams(params),
    value
  });
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
  const ch = new $ZodCheckMaxLength({
    check: "max_length",
    ...normalizeParams(params),
    maximum
  });
  return ch;
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
  return new $ZodCheckMinLength({
    check: "min_length",
    ...normalizeParams(params),
    minimum
  });
}
// @__NO_SIDE_EFFECTS__
function _length(length, params) {
  return new $ZodCheckLengthEquals({
    check: "length_equals",
    ...normalizeParams(params),
    length
  });
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
  return new $ZodCheckRegex({
    check: "string_format",
    format: "regex",
    ...normalizeParams(params),
    pattern
  });
}
// @__NO_SIDE_EFFECTS__
function _lowercase(params) {
  return new $ZodCheckLowerCase({
    check: "string_format",
    format: "lowercase",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uppercase(params) {
  return new $ZodCheckUpperCase({
    check: "string_format",
    format: "uppercase",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _includes(includes, params) {
  return new $ZodCheckIncludes({
    check: "string_format",
    format: "includes",
    ...normalizeParams(params),
    includes
  });
}
// @__NO_SIDE_EFFECTS__
function _startsWith(prefix, params) {
  return new $ZodCheckStartsWith({
    check: "string_format",
    format: "starts_with",
    ...normalizeParams(params),
    prefix
  });
}
// @__NO_SIDE_EFFECTS__
function _endsWith(suffix, params) {
  return new $ZodCheckEndsWith({
    check: "string_format",
    format: "ends_with",
    ...normalizeParams(params),
    suffix
  });
}
// @__NO_SIDE_EFFECTS__
function _overwrite(tx) {
  return new $ZodCheckOverwrite({
    check: "overwrite",
    tx
  });
}
// @__NO_SIDE_EFFECTS__
function _normalize(form) {
  return /* @__PURE__ */ _overwrite((input) => input.normalize(form));
}
// @__NO_SIDE_EFFECTS__
function _trim() {
  return /* @__PURE__ */ _overwrite((input) => input.trim());
}
// @__NO_SIDE_EFFECTS__
function _toLowerCase() {
  return /* @__PURE__ */ _overwrite((input) => input.toLowerCase());
}
// @__NO_SIDE_EFFECTS__
function _toUpperCase() {
  return /* @__PURE__ */ _overwrite((input) => input.toUpperCase());
}
// @__NO_SIDE_EFFECTS__
function _slugify() {
  return /* @__PURE__ */ _overwrite((input) => slugify(input));
}
// @__NO_SIDE_EFFECTS__
function _array(Class2, element, params) {
  return new Class2({
    type: "array",
    element,
    // get element() {
    //   return element;
    // },
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _refine(Class2, fn, _params) {
  const schema = new Class2({
    type: "custom",
    check: "custom",
    fn,
    ...normalizeParams(_params)
  });
  return schema;
}
// @__NO_SIDE_EFFECTS__
function _superRefine(fn, params) {
  const ch = /* @__PURE__ */ _check((payload) => {
    payload.addIssue = (issue2) => {
      if (typeof issue2 === "string") {
        payload.issues.push(issue(issue2, payload.value, ch._zod.def));
      } else {
        const _issue = issue2;
        if (_issue.fatal)
          _issue.continue = false;
        _issue.code ?? (_issue.code = "custom");
        if (!("input" in _issue))
          _issue.input = payload.value;
        _issue.inst ?? (_issue.inst = ch);
        _issue.continue ?? (_issue.continue = !ch._zod.def.abort);
        payload.issues.push(issue(_issue));
      }
    };
    return fn(payload.value, payload);
  }, params);
  return ch;
}
// @__NO_SIDE_EFFECTS__
function _check(fn, params) {
  const ch = new $ZodCheck({
    check: "custom",
    ...normalizeParams(params)
  });
  ch._zod.check = fn;
  return ch;
}

// node_modules/zod/v4/core/to-json-schema.js
function assignProps(target, ...sources) {
  for (const source of sources) {
    for (const key of Reflect.ownKeys(source)) {
      if (Object.prototype.propertyIsEnumerable.call(source, key)) {
        assignProp(target, key, source[key]);
      }
    }
  }
  return target;
}
function initializeContext(params) {
  let target = params?.target ?? "draft-2020-12";
  if (target === "draft-4")
    target = "draft-04";
  if (target === "draft-7")
    target = "draft-07";
  return {
    processors: params.processors ?? {},
    metadataRegistry: params?.metadata ?? globalRegistry,
    target,
    unrepresentable: params?.unrepresentable ?? "throw",
    override: params?.override ?? (() => {
    }),
    io: params?.io ?? "output",
    counter: 0,
    seen: /* @__PURE__ */ new Map(),
    sharedDefsExtractedFor: void 0,
    sharedEmitDoneFor: void 0,
    cycles: params?.cycles ?? "ref",
    reused: params?.reused ?? "inline",
    intersections: [],
    deferred: [],
    external: params?.external ?? void 0
  };
}
function handleUnrepresentable(schema, ctx, json, params, message) {
  const result = typeof ctx.unrepresentable === "function" ? ctx.unrepresentable({ zodSchema: schema, path: params.path, message }) : ctx.unrepresentable;
  if (result === "any")
    return false;
  if (result === void 0 || result === "throw")
    throw new Error(message);
  Object.assign(json, result);
  return true;
}
function processSchema(schema, ctx, _params = { path: [], schemaPath: [] }) {
  var _a3;
  const def = schema._zod.def;
  const seen = ctx.seen.get(schema);
  if (seen) {
    seen.count++;
    const isCycle = _params.schemaPath.includes(schema);
    if (isCycle) {
      seen.cycle = _params.path;
    }
    return seen.schema;
  }
  const result = { schema: {}, count: 1, cycle: void 0, path: _params.path };
  ctx.seen.set(schema, result);
  ctx.sharedDefsExtractedFor = void 0;
  ctx.sharedEmitDoneFor = void 0;
  const overrideSchema = schema._zod.toJSONSchema?.();
  if (overrideSchema) {
    result.schema = overrideSchema;
  } else {
    const params = {
      ..._params,
      schemaPath: [..._params.schemaPath, schema],
      path: _params.path
    };
    if (schema._zod.processJSONSchema) {
      schema._zod.processJSONSchema(ctx, result.schema, params);
    } else {
      const _json = result.schema;
      const processor = ctx.processors[def.type];
      if (!processor) {
        throw new Error(`[toJSONSchema]: Non-representable type encountered: ${def.type}`);
      }
      processor(schema, ctx, _json, params);
    }
    const parent = schema._zod.parent;
    if (parent) {
      if (!result.ref)
        result.ref = parent;
      processSchema(parent, ctx, params);
      ctx.seen.get(parent).isParent = true;
    }
  }
  const meta2 = ctx.metadataRegistry.get(schema);
  if (meta2)
    assignProps(result.schema, meta2);
  if (ctx.io === "input" && isTransforming(schema)) {
    delete result.schema.examples;
    delete result.schema.default;
  }
  if (ctx.io === "input" && "_prefault" in result.schema)
    (_a3 = result.schema).default ?? (_a3.default = result.schema._prefault);
  delete result.schema._prefault;
  const _result = ctx.seen.get(schema);
  return _result.schema;
}
function encodeJSONPointerSegment(segment) {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
function extractDefs(ctx, schema) {
  const root = ctx.seen.get(schema);
  if (!root)
    throw new Error("Unprocessed schema. This is a bug in Zod.");
  if (ctx.external && ctx.sharedDefsExtractedFor === ctx.external)
    return;
  const idToSchema = /* @__PURE__ */ new Map();
  for (const entry of ctx.seen.entries()) {
    const id = ctx.metadataRegistry.get(entry[0])?.id;
    if (id) {
      const existing = idToSchema.get(id);
      if (existing && existing !== entry[0]) {
        throw new Error(`Duplicate schema id "${id}" detected during JSON Schema conversion. Two different schemas cannot share the same id when converted together.`);
      }
      idToSchema.set(id, entry[0]);
    }
  }
  const makeURI = (entry) => {
    const defsSegment = ctx.target === "draft-2020-12" ? "$defs" : "definitions";
    if (ctx.external) {
      const externalId = ctx.external.registry.get(entry[0])?.id;
      const uriGenerator = ctx.external.uri ?? ((id2) => id2);
      if (externalId) {
        return { ref: uriGenerator(externalId) };
      }
      const id = entry[1].defId ?? entry[1].schema.id ?? `schema${ctx.counter++}`;
      entry[1].defId = id;
      return { defId: id, ref: `${uriGenerator("__shared")}#/${defsSegment}/${encodeJSONPointerSegment(id)}` };
    }
    const uriPrefix = `#`;
    const defUriPrefix = `${uriPrefix}/${defsSegment}/`;
    if (entry[1] === root && !entry[1].schema.id) {
      return { ref: uriPrefix };
    }
    const defId = entry[1].schema.id ?? `__schema${ctx.counter++}`;
    return { defId, ref: defUriPrefix + encodeJSONPointerSegment(defId) };
  };
  const extractToDef = (entry) => {
    if (entry[1].schema.$ref) {
      return;
    }
    const seen = entry[1];
    const { ref, defId } = makeURI(entry);
    seen.def = { ...seen.schema };
    if (defId)
      seen.defId = defId;
    const schema2 = seen.schema;
    for (const key in schema2) {
      delete schema2[key];
    }
    schema2.$ref = ref;
  };
  if (ctx.cycles === "throw") {
    for (const entry of ctx.seen.entries()) {
      const seen = entry[1];
      if (seen.cycle) {
        throw new Error(`Cycle detected: #/${seen.cycle?.join("/")}/<root>

Set the \`cycles\` parameter to \`"ref"\` to resolve cyclical schemas with defs.`);
      }
    }
  }
  for (const entry of ctx.seen.entries()) {
    const seen = entry[1];
    if (schema === entry[0]) {
      extractToDef(entry);
      continue;
    }
    if (ctx.external) {
      const ext = ctx.external.registry.get(entry[0])?.id;
      if (schema !== entry[0] && ext) {
        extractToDef(entry);
        continue;
      }
    }
    const id = ctx.metadataRegistry.get(entry[0])?.id;
    if (id) {
      extractToDef(entry);
      continue;
    }
    if (seen.cycle) {
      extractToDef(entry);
      continue;
    }
    if (seen.count > 1) {
      if (ctx.reused === "ref") {
        extractToDef(entry);
      }
    }
  }
  if (ctx.external)
    ctx.sharedDefsExtractedFor = ctx.external;
}
function compactTypeUnion(schema) {
  const options = schema.anyOf;
  if (!Array.isArray(options) || options.length === 0 || schema.type !== void 0)
    return;
  const types = [];
  for (const option of options) {
    if (!option || typeof option !== "object")
      return;
    compactTypeUnion(option);
    const keys2 = Object.keys(option);
    if (keys2.length !== 1 || keys2[0] !== "type")
      return;
    const type = option.type;
    for (const member of Array.isArray(type) ? type : [type]) {
      if (typeof member !== "string")
        return;
      if (!types.includes(member))
        types.push(member);
    }
  }
  delete schema.anyOf;
  schema.type = types.length === 1 ? types[0] : types;
}
var FOLDABLE_KEYS = /* @__PURE__ */ new Set(["type", "properties", "required", "additionalProperties"]);
var UNION_KEYS = ["oneOf", "anyOf"];
function undeclaredConstraint(member) {
  const extra = member.additionalProperties;
  if (extra === void 0 || extra === false || typeof extra !== "object" || extra === null)
    return null;
  return Object.keys(extra).length ? extra : null;
}
function foldObjects(members2) {
  const objects = [];
  for (const member of members2) {
    if (typeof member !== "object" || member.type !== "object")
      return null;
    for (const key in member) {
      if (!FOLDABLE_KEYS.has(key))
        return null;
    }
    objects.push(member);
  }
  const properties = {};
  const required2 = /* @__PURE__ */ new Set();
  for (const object2 of objects) {
    for (const key in object2.properties) {
      if (Object.prototype.hasOwnProperty.call(properties, key))
        continue;
      const parts = [];
      for (const other of objects) {
        const part = other.properties?.[key] ?? undeclaredConstraint(other);
        if (part === null || part === void 0)
          continue;
        if (!parts.some((seen) => JSON.stringify(seen) === JSON.stringify(part)))
          parts.push(part);
      }
      const merged = parts.length === 1 ? parts[0] : foldObjects(parts) ?? { allOf: parts };
      assignProp(properties, key, merged);
    }
    for (const key of object2.required ?? [])
      required2.add(key);
  }
  const folded = { type: "object", properties };
  if (required2.size)
    folded.required = [...required2];
  if (objects.every((object2) => object2.additionalProperties === false)) {
    folded.additionalProperties = false;
  } else {
    const constraints = [];
    for (const object2 of objects) {
      const constraint = undeclaredConstraint(object2);
      if (constraint && !constraints.some((seen) => JSON.stringify(seen) === JSON.stringify(constraint)))
        constraints.push(constraint);
    }
    if (constraints.length === 1)
      folded.additionalProperties = constraints[0];
    else if (constraints.length > 1)
      folded.additionalProperties = { allOf: constraints };
  }
  return folded;
}
function foldIntersection(json) {
  const allOf = json.allOf;
  if (!Array.isArray(allOf) || allOf.length < 2)
    return;
  for (const key of FOLDABLE_KEYS)
    if (key in json)
      return;
  const unions = allOf.filter((m) => UNION_KEYS.some((k) => Array.isArray(m[k])));
  let folded = null;
  if (!unions.length) {
    folded = foldObjects(allOf);
  } else {
    const union2 = unions[0];
    const keyword = UNION_KEYS.find((k) => Array.isArray(union2[k]));
    if (Object.keys(union2).length !== 1)
      return;
    const rest = allOf.filter((m) => m !== union2);
    const branches = union2[keyword].map((branch) => foldObjects([...rest, branch]));
    if (branches.some((b) => !b))
      return;
    folded = { [keyword]: branches };
  }
  if (!folded)
    return;
  delete json.allOf;
  assignProps(json, folded);
}
function finalize(ctx, schema) {
  const root = ctx.seen.get(schema);
  if (!root)
    throw new Error("Unprocessed schema. This is a bug in Zod.");
  const flattenRef = (zodSchema) => {
    const seen = ctx.seen.get(zodSchema);
    if (seen.ref === null)
      return;
    const schema2 = seen.def ?? seen.schema;
    const _cached = { ...schema2 };
    const ref = seen.ref;
    seen.ref = null;
    if (ref) {
      flattenRef(ref);
      const refSeen = ctx.seen.get(ref);
      const refSchema = refSeen.schema;
      if (refSchema.$ref && (ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0")) {
        schema2.allOf = schema2.allOf ?? [];
        schema2.allOf.push(refSchema);
      } else {
        assignProps(schema2, refSchema);
      }
      assignProps(schema2, _cached);
      const isParentRef = zodSchema._zod.parent === ref;
      if (isParentRef) {
        for (const key in schema2) {
          if (key === "$ref" || key === "allOf")
            continue;
          if (!(key in _cached)) {
            delete schema2[key];
          }
        }
      }
      if (refSchema.$ref && refSeen.def) {
        for (const key in schema2) {
          if (key === "$ref" || key === "allOf")
            continue;
          if (key in refSeen.def && JSON.stringify(schema2[key]) === JSON.stringify(refSeen.def[key])) {
            delete schema2[key];
          }
        }
      }
    }
    const parent = zodSchema._zod.parent;
    if (parent && parent !== ref) {
      flattenRef(parent);
      const parentSeen = ctx.seen.get(parent);
      if (parentSeen?.schema.$ref) {
        schema2.$ref = parentSeen.schema.$ref;
        if (parentSeen.def) {
          for (const key in schema2) {
            if (key === "$ref" || key === "allOf")
              continue;
            if (key in parentSeen.def && JSON.stringify(schema2[key]) === JSON.stringify(parentSeen.def[key])) {
              delete schema2[key];
            }
          }
        }
      }
    }
    ctx.override({
      zodSchema,
      jsonSchema: schema2,
      path: seen.path ?? []
    });
  };
  if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
    for (const entry of [...ctx.seen.entries()].reverse()) {
      flattenRef(entry[0]);
    }
    if (ctx.target !== "openapi-3.0") {
      for (const entry of ctx.seen.entries()) {
        compactTypeUnion(entry[1].def ?? entry[1].schema);
      }
    }
    for (const rewrite of ctx.deferred)
      rewrite();
    if (ctx.intersections.length) {
      const carriers = /* @__PURE__ */ new Map();
      for (const seen of ctx.seen.values()) {
        for (const json of [seen.schema, seen.def]) {
          const allOf = json?.allOf;
          if (!Array.isArray(allOf))
            continue;
          const existing = carriers.get(allOf);
          if (existing)
            existing.push(json);
          else
            carriers.set(allOf, [json]);
        }
      }
      for (const allOf of ctx.intersections) {
        for (const json of carriers.get(allOf) ?? [])
          foldIntersection(json);
      }
    }
  }
  const result = {};
  if (ctx.target === "draft-2020-12") {
    result.$schema = "https://json-schema.org/draft/2020-12/schema";
  } else if (ctx.target === "draft-07") {
    result.$schema = "http://json-schema.org/draft-07/schema#";
  } else if (ctx.target === "draft-04") {
    result.$schema = "http://json-schema.org/draft-04/schema#";
  } else if (ctx.target === "openapi-3.0") {
  } else {
  }
  if (ctx.external?.uri) {
    const id = ctx.external.registry.get(schema)?.id;
    if (!id)
      throw new Error("Schema is missing an `id` property");
    result.$id = ctx.external.uri(id);
  }
  assignProps(result, root.defId ? root.schema : root.def ?? root.schema);
  const rootMetaId = ctx.metadataRegistry.get(schema)?.id;
  if (rootMetaId !== void 0 && result.id === rootMetaId)
    delete result.id;
  const defs = ctx.external?.defs ?? {};
  if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
    for (const entry of ctx.seen.entries()) {
      const seen = entry[1];
      if (seen.def && seen.defId) {
        if (seen.def.id === seen.defId)
          delete seen.def.id;
        assignProp(defs, seen.defId, seen.def);
      }
    }
  }
  if (ctx.external)
    ctx.sharedEmitDoneFor = ctx.external;
  if (ctx.external) {
  } else {
    if (Object.keys(defs).length > 0) {
      if (ctx.target === "draft-2020-12") {
        result.$defs = defs;
      } else {
        result.definitions = defs;
      }
    }
  }
  try {
    const finalized = JSON.parse(JSON.stringify(result));
    Object.defineProperty(finalized, "~standard", {
      value: {
        ...schema["~standard"],
        jsonSchema: {
          input: createStandardJSONSchemaMethod(schema, "input", ctx.processors),
          output: createStandardJSONSchemaMethod(schema, "output", ctx.processors)
        }
      },
      enumerable: false,
      writable: false
    });
    return finalized;
  } catch (_err) {
    throw new Error("Error converting schema to JSON.");
  }
}
function isTransforming(_schema, _ctx) {
  const ctx = _ctx ?? { seen: /* @__PURE__ */ new Set() };
  if (ctx.seen.has(_schema))
    return false;
  ctx.seen.add(_schema);
  const def = _schema._zod.def;
  if (def.type === "transform")
    return true;
  if (def.type === "array")
    return isTransforming(def.element, ctx);
  if (def.type === "set")
    return isTransforming(def.valueType, ctx);
  if (def.type === "lazy")
    return isTransforming(def.getter(), ctx);
  if (def.type === "promise" || def.type === "optional" || def.type === "nonoptional" || def.type === "nullable" || def.type === "readonly" || def.type === "default" || def.type === "prefault" || def.type === "catch") {
    return isTransforming(def.innerType, ctx);
  }
  if (def.type === "intersection") {
    return isTransforming(def.left, ctx) || isTransforming(def.right, ctx);
  }
  if (def.type === "record" || def.type === "map") {
    return isTransforming(def.keyType, ctx) || isTransforming(def.valueType, ctx);
  }
  if (def.type === "pipe") {
    if (_schema._zod.traits.has("$ZodCodec"))
      return true;
    return isTransforming(def.in, ctx) || isTransforming(def.out, ctx);
  }
  if (def.type === "object") {
    for (const key in def.shape) {
      if (isTransforming(def.shape[key], ctx))
        return true;
    }
    return false;
  }
  if (def.type === "union") {
    for (const option of def.options) {
      if (isTransforming(option, ctx))
        return true;
    }
    return false;
  }
  if (def.type === "tuple") {
    for (const item of def.items) {
      if (isTransforming(item, ctx))
        return true;
    }
    if (def.rest && isTransforming(def.rest, ctx))
      return true;
    return false;
  }
  return false;
}
var createToJSONSchemaMethod = (schema, processors = {}) => (params) => {
  const ctx = initializeContext({ ...params, processors });
  processSchema(schema, ctx);
  extractDefs(ctx, schema);
  return finalize(ctx, schema);
};
var createStandardJSONSchemaMethod = (schema, io, processors = {}) => (params) => {
  const { libraryOptions, target } = params ?? {};
  const ctx = initializeContext({ ...libraryOptions ?? {}, target, io, processors });
  processSchema(schema, ctx);
  extractDefs(ctx, schema);
  return finalize(ctx, schema);
};

// node_modules/zod/v4/core/json-schema-processors.js
var narrowMin = (agg, key, value) => {
  if (agg[key] === void 0 || value > agg[key])
    agg[key] = value;
};
var narrowMax = (agg, key, value) => {
  if (agg[key] === void 0 || value < agg[key])
    agg[key] = value;
};
var narrowBoth = (agg, value) => {
  narrowMin(agg, "minimum", value);
  narrowMax(agg, "maximum", value);
};
var addDivisor = (agg, value) => {
  agg.multipleOf ?? (agg.multipleOf = []);
  if (!agg.multipleOf.includes(value))
    agg.multipleOf.push(value);
};
var addPattern = (agg, pattern) => {
  agg.patterns ?? (agg.patterns = /* @__PURE__ */ new Set());
  agg.patterns.add(pattern);
};
var intersectMime = (agg, mime) => {
  agg.mime = agg.mime ? agg.mime.filter((m) => mime.includes(m)) : [...mime];
};
var setFormat = (agg, format) => {
  agg.format = format;
  if (format.includes("int"))
    agg.isInt = true;
};
var minContributor = (agg, def) => narrowMin(agg, "minimum", def.minimum);
var maxContributor = (agg, def) => narrowMax(agg, "maximum", def.maximum);
var formatContributor = (ranges) => (agg, def) => {
  setFormat(agg, def.format);
  const [minimum, maximum] = ranges[def.format];
  narrowMin(agg, "minimum", minimum);
  narrowMax(agg, "maximum", maximum);
};
var contributors = {
  greater_than: (agg, def) => narrowMin(agg, def.inclusive ? "minimum" : "exclusiveMinimum", def.value),
  less_than: (agg, def) => narrowMax(agg, def.inclusive ? "maximum" : "exclusiveMaximum", def.value),
  multiple_of: (agg, def) => addDivisor(agg, def.value),
  number_format: formatContributor(NUMBER_FORMAT_RANGES),
  bigint_format: formatContributor(BIGINT_FORMAT_RANGES),
  min_length: minContributor,
  max_length: maxContributor,
  length_equals: (agg, def) => narrowBoth(agg, def.length),
  min_size: minContributor,
  max_size: maxContributor,
  size_equals: (agg, def) => narrowBoth(agg, def.size),
  string_format: (agg, def) => {
    setFormat(agg, def.format);
    if (def.pattern)
      addPattern(agg, def.pattern);
    if (def.format === "base64" || def.format === "base64url")
      agg.contentEncoding = def.format;
    if (def.local || def.precision === -1)
      agg.laxFormat = true;
  },
  mime_type: (agg, def) => intersectMime(agg, def.mime)
};
function aggregateChecks(schema) {
  const agg = {};
  const def = schema._zod.def;
  const list = schema._zod.traits.has("$ZodCheck") ? [schema, ...def.checks ?? []] : def.checks ?? [];
  for (const ch of list)
    contributors[ch._zod.def.check]?.(agg, ch._zod.def);
  const bag = schema._zod.bag;
  if (bag.minimum !== void 0)
    narrowMin(agg, "minimum", bag.minimum);
  if (bag.exclusiveMinimum !== void 0)
    narrowMin(agg, "exclusiveMinimum", bag.exclusiveMinimum);
  if (bag.maximum !== void 0)
    narrowMax(agg, "maximum", bag.maximum);
  if (bag.exclusiveMaximum !== void 0)
    narrowMax(agg, "exclusiveMaximum", bag.exclusiveMaximum);
  if (bag.multipleOf !== void 0)
    addDivisor(agg, bag.multipleOf);
  if (bag.format !== void 0) {
    agg.format ?? (agg.format = bag.format);
    if (bag.format.includes("int"))
      agg.isInt = true;
  }
  if (bag.mime)
    intersectMime(agg, bag.mime);
  for (const pattern of bag.patterns ?? [])
    addPattern(agg, pattern);
  return agg;
}
var formatMap = {
  guid: "uuid",
  url: "uri",
  datetime: "date-time",
  json_string: "json-string",
  regex: ""
  // do not set
};
var exactPatterns = /* @__PURE__ */ new Map([
  [base64Charset, base64],
  [base64urlCharset, base64url]
]);
var exactPattern = (p) => exactPatterns.get(p) ?? p;
var stringProcessor = (schema, ctx, _json, _params) => {
  const json = _json;
  json.type = "string";
  const { minimum, maximum, format, patterns, contentEncoding, laxFormat } = aggregateChecks(schema);
  if (typeof minimum === "number")
    json.minLength = minimum;
  if (typeof maximum === "number")
    json.maxLength = maximum;
  if (format) {
    json.format = formatMap[format] ?? format;
    if (json.format === "")
      delete json.format;
    if (format === "time" || laxFormat) {
      delete json.format;
    }
  }
  if (contentEncoding)
    json.contentEncoding = contentEncoding;
  if (patterns && patterns.size > 0) {
    const patternList = [...patterns].map(exactPattern);
    if (patternList.length === 1)
      json.pattern = patternList[0].source;
    else if (patternList.length > 1) {
      json.allOf = [
        ...patternList.map((regex) => ({
          ...ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0" ? { type: "string" } : {},
          pattern: regex.source
        }))
      ];
    }
  }
};
var numberProcessor = (schema, ctx, _json, params) => {
  const json = _json;
  const { minimum, maximum, multipleOf, exclusiveMaximum, exclusiveMinimum, isInt } = aggregateChecks(schema);
  json.type = isInt ? "integer" : "number";
  const exMin = typeof exclusiveMinimum === "number" && exclusiveMinimum >= (minimum ?? Number.NEGATIVE_INFINITY);
  const exMax = typeof exclusiveMaximum === "number" && exclusiveMaximum <= (maximum ?? Number.POSITIVE_INFINITY);
  const legacy = ctx.target === "draft-04" || ctx.target === "openapi-3.0";
  if (exMin) {
    if (legacy) {
      json.minimum = exclusiveMinimum;
      json.exclusiveMinimum = true;
    } else {
      json.exclusiveMinimum = exclusiveMinimum;
    }
  } else if (typeof minimum === "number") {
    json.minimum = minimum;
  }
  if (exMax) {
    if (legacy) {
      json.maximum = exclusiveMaximum;
      json.exclusiveMaximum = true;
    } else {
      json.exclusiveMaximum = exclusiveMaximum;
    }
  } else if (typeof maximum === "number") {
    json.maximum = maximum;
  }
  if (multipleOf) {
    const divisors = /* @__PURE__ */ new Set();
    for (const divisor of multipleOf) {
      if (Number.isFinite(divisor) && divisor !== 0)
        divisors.add(Math.abs(divisor));
      else
        handleUnrepresentable(schema, ctx, json, params, `A multipleOf divisor of ${divisor} cannot be represented in JSON Schema`);
    }
    const [first, ...rest] = divisors;
    if (first !== void 0)
      json.multipleOf = first;
    if (rest.length)
      json.allOf = [...json.allOf ?? [], ...rest.map((m) => ({ multipleOf: m }))];
  }
};
var booleanProcessor = (_schema, _ctx, json, _params) => {
  json.type = "boolean";
};
var bigintProcessor = (schema, ctx, json, params) => {
  handleUnrepresentable(schema, ctx, json, params, "BigInt cannot be represented in JSON Schema");
};
var neverProcessor = (_schema, _ctx, json, _params) => {
  json.not = {};
};
var unknownProcessor = (_schema, _ctx, _json, _params) => {
};
var dateProcessor = (schema, ctx, json, params) => {
  handleUnrepresentable(schema, ctx, json, params, "Date cannot be represented in JSON Schema");
};
var enumProcessor = (schema, _ctx, json, _params) => {
  const def = schema._zod.def;
  const values = getEnumValues(def.entries);
  if (values.length === 0) {
    json.not = {};
    return;
  }
  if (values.every((v) => typeof v === "number"))
    json.type = "number";
  if (values.every((v) => typeof v === "string"))
    json.type = "string";
  json.enum = values;
};
var customProcessor = (schema, ctx, json, params) => {
  handleUnrepresentable(schema, ctx, json, params, "Custom types cannot be represented in JSON Schema");
};
var transformProcessor = (schema, ctx, json, params) => {
  handleUnrepresentable(schema, ctx, json, params, "Transforms cannot be represented in JSON Schema");
};
var arrayProcessor = (schema, ctx, _json, params) => {
  const json = _json;
  const def = schema._zod.def;
  const { minimum, maximum } = aggregateChecks(schema);
  if (typeof minimum === "number")
    json.minItems = minimum;
  if (typeof maximum === "number")
    json.maxItems = maximum;
  json.type = "array";
  json.items = processSchema(def.element, ctx, {
    ...params,
    path: [...params.path, "items"]
  });
};
function inputOptin(schema) {
  const def = schema._zod.def;
  if (def.type === "pipe" && def.in._zod.traits.has("$ZodTransform")) {
    return inputOptin(def.out);
  }
  if (def.type === "catch") {
    return inputOptin(def.innerType);
  }
  return schema._zod.optin;
}
var objectProcessor = (schema, ctx, _json, params) => {
  const json = _json;
  const def = schema._zod.def;
  const shape = def.shape;
  const symbolKeys = Object.getOwnPropertySymbols(shape);
  if (symbolKeys.length && handleUnrepresentable(schema, ctx, json, params, "Symbol keys cannot be represented in JSON Schema")) {
    return;
  }
  json.type = "object";
  json.properties = {};
  for (const key in shape) {
    assignProp(json.properties, key, processSchema(shape[key], ctx, {
      ...params,
      path: [...params.path, "properties", key]
    }));
  }
  const requiredKeys = [];
  for (const key of Object.keys(shape)) {
    const field = def.shape[key];
    if (ctx.io === "input" ? inputOptin(field) === void 0 : field._zod.optout === void 0) {
      requiredKeys.push(key);
    }
  }
  if (requiredKeys.length > 0) {
    json.required = requiredKeys;
  }
  if (def.catchall?._zod.def.type === "never") {
    json.additionalProperties = false;
  } else if (!def.catchall) {
    if (ctx.io === "output")
      json.additionalProperties = false;
  } else if (def.catchall) {
    json.additionalProperties = processSchema(def.catchall, ctx, {
      ...params,
      path: [...params.path, "additionalProperties"]
    });
  }
};
var unionProcessor = (schema, ctx, json, params) => {
  const def = schema._zod.def;
  const isExclusive = def.inclusive === false;
  const options = def.options.map((x, i) => processSchema(x, ctx, {
    ...params,
    path: [...params.path, isExclusive ? "oneOf" : "anyOf", i]
  }));
  if (isExclusive) {
    json.oneOf = options;
  } else {
    json.anyOf = options;
  }
};
var intersectionProcessor = (schema, ctx, json, params) => {
  const def = schema._zod.def;
  const a = processSchema(def.left, ctx, {
    ...params,
    path: [...params.path, "allOf", 0]
  });
  const b = processSchema(def.right, ctx, {
    ...params,
    path: [...params.path, "allOf", 1]
  });
  const isSimpleIntersection = (val) => "allOf" in val && Object.keys(val).length === 1;
  const allOf = [
    ...isSimpleIntersection(a) ? a.allOf : [a],
    ...isSimpleIntersection(b) ? b.allOf : [b]
  ];
  json.allOf = allOf;
  ctx.intersections.push(allOf);
};
function stringifyKeyNames(bySchema, json, visited) {
  if (json.$ref) {
    if (visited.has(json))
      return json;
    visited.add(json);
    const def = bySchema.get(json)?.def;
    if (!def)
      return json;
    const inlined = stringifyKeyNames(bySchema, def, visited);
    return inlined === def ? json : inlined;
  }
  for (const keyword of ["anyOf", "oneOf"]) {
    const branches = json[keyword];
    if (!Array.isArray(branches))
      continue;
    const mapped = branches.map((branch) => stringifyKeyNames(bySchema, branch, visited));
    if (mapped.some((branch, i) => branch !== branches[i]))
      json = { ...json, [keyword]: mapped };
  }
  const types = Array.isArray(json.type) ? json.type : [json.type];
  const numericType = !types.includes("string") && types.some((t) => t === "number" || t === "integer");
  const values = json.enum ?? (json.const !== void 0 ? [json.const] : void 0);
  if (!numericType && !values?.some((v) => typeof v === "number"))
    return json;
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, format, id, ...rest } = json;
  if (rest.enum)
    rest.enum = rest.enum.map((v) => typeof v === "number" ? String(v) : v);
  else if (typeof rest.const === "number")
    rest.const = String(rest.const);
  if (!numericType)
    return rest;
  rest.type = "string";
  if (!values)
    rest.pattern = (types.includes("number") ? number : integer).source;
  return rest;
}
var pendingRecords = /* @__PURE__ */ new WeakMap();
function rewriteKeyNames(ctx) {
  const bySchema = /* @__PURE__ */ new Map();
  for (const entry of ctx.seen.values()) {
    if (entry.def && !bySchema.has(entry.schema))
      bySchema.set(entry.schema, entry);
  }
  const rewrites = /* @__PURE__ */ new Map();
  for (const record2 of pendingRecords.get(ctx) ?? []) {
    const seen = ctx.seen.get(record2);
    const names = (seen?.def ?? seen?.schema)?.propertyNames;
    if (!names || names === true || rewrites.has(names))
      continue;
    const rewritten = stringifyKeyNames(bySchema, names, /* @__PURE__ */ new Set());
    if (rewritten !== names)
      rewrites.set(names, rewritten);
  }
  if (!rewrites.size)
    return;
  for (const entry of ctx.seen.values()) {
    for (const carrier of [entry.schema, entry.def]) {
      const rewritten = carrier && rewrites.get(carrier.propertyNames);
      if (rewritten)
        carrier.propertyNames = rewritten;
    }
  }
}
var recordProcessor = (schema, ctx, _json, params) => {
  const json = _json;
  const def = schema._zod.def;
  json.type = "object";
  const keyType = def.keyType;
  const patterns = aggregateChecks(keyType).patterns;
  if (def.mode === "loose" && patterns && patterns.size > 0) {
    const valueSchema = processSchema(def.valueType, ctx, {
      ...params,
      path: [...params.path, "patternProperties", "*"]
    });
    json.patternProperties = {};
    for (const pattern of patterns) {
      assignProp(json.patternProperties, exactPattern(pattern).source, valueSchema);
    }
  } else {
    if (ctx.target === "draft-07" || ctx.target === "draft-2020-12") {
      json.propertyNames = processSchema(def.keyType, ctx, {
        ...params,
        path: [...params.path, "propertyNames"]
      });
      let pending = pendingRecords.get(ctx);
      if (!pending) {
        pending = [];
        pendingRecords.set(ctx, pending);
        ctx.deferred.push(() => rewriteKeyNames(ctx));
      }
      pending.push(schema);
    }
    json.additionalProperties = processSchema(def.valueType, ctx, {
      ...params,
      path: [...params.path, "additionalProperties"]
    });
  }
  const keyValues = keyType._zod.values;
  const omittableOnInput = ctx.io === "input" && inputOptin(def.valueType) !== void 0;
  if (keyValues && !def.partial && !omittableOnInput) {
    const validKeyValues = [...keyValues].filter((v) => typeof v === "string" || typeof v === "number");
    if (validKeyValues.length > 0) {
      json.required = validKeyValues.map(String);
    }
  }
};
var nullableProcessor = (schema, ctx, json, params) => {
  const def = schema._zod.def;
  const inner = processSchema(def.innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  if (ctx.target === "openapi-3.0") {
    seen.ref = def.innerType;
    json.nullable = true;
  } else {
    json.anyOf = [inner, { type: "null" }];
  }
};
var nonoptionalProcessor = (schema, ctx, _json, params) => {
  const def = schema._zod.def;
  processSchema(def.innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  seen.ref = def.innerType;
};
var UNREPRESENTABLE_DEFAULT = /* @__PURE__ */ Symbol();
function serializeDefaultValue(value, schema, ctx, json, params) {
  let unrepresentable = false;
  const serialized = JSON.stringify(value, (_, val) => {
    if (typeof val !== "bigint")
      return val;
    unrepresentable = true;
    return null;
  });
  if (!unrepresentable)
    return JSON.parse(serialized);
  handleUnrepresentable(schema, ctx, json, params, "BigInt defaults cannot be represented in JSON Schema");
  return UNREPRESENTABLE_DEFAULT;
}
var defaultProcessor = (schema, ctx, json, params) => {
  const def = schema._zod.def;
  processSchema(def.innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  seen.ref = def.innerType;
  const value = serializeDefaultValue(def.defaultValue, schema, ctx, json, params);
  if (value !== UNREPRESENTABLE_DEFAULT)
    json.default = value;
};
var prefaultProcessor = (schema, ctx, json, params) => {
  const def = schema._zod.def;
  processSchema(def.innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  seen.ref = def.innerType;
  if (ctx.io !== "input")
    return;
  const value = serializeDefaultValue(def.defaultValue, schema, ctx, json, params);
  if (value !== UNREPRESENTABLE_DEFAULT)
    json._prefault = value;
};
var catchProcessor = (schema, ctx, json, params) => {
  const def = schema._zod.def;
  processSchema(def.innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  seen.ref = def.innerType;
  let catchValue;
  try {
    catchValue = def.catchValue(void 0);
  } catch {
    handleUnrepresentable(schema, ctx, json, params, "Dynamic catch values are not supported in JSON Schema");
    return;
  }
  json.default = catchValue;
};
var pipeProcessor = (schema, ctx, _json, params) => {
  const def = schema._zod.def;
  const inIsTransform = def.in._zod.traits.has("$ZodTransform");
  const innerType = ctx.io === "input" ? inIsTransform ? def.out : def.in : def.out;
  processSchema(innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  seen.ref = innerType;
};
var readonlyProcessor = (schema, ctx, json, params) => {
  const def = schema._zod.def;
  processSchema(def.innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  seen.ref = def.innerType;
  json.readOnly = true;
};
var optionalProcessor = (schema, ctx, _json, params) => {
  const def = schema._zod.def;
  processSchema(def.innerType, ctx, params);
  const seen = ctx.seen.get(schema);
  seen.ref = def.innerType;
};

// node_modules/zod/v4/classic/errors.js
var _installedErrorProtos = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
function _lazyMethod(proto, key, make) {
  Object.defineProperty(proto, key, {
    configurable: true,
    enumerable: false,
    get() {
      const value = make(this);
      Object.defineProperty(this, key, { value, configurable: true, writable: true });
      return value;
    },
    set(value) {
      Object.defineProperty(this, key, { value, configurable: true, writable: true });
    }
  });
}
var initializer2 = (inst, issues) => {
  $ZodError.init(inst, issues);
  inst.name = "ZodError";
  const proto = Object.getPrototypeOf(inst);
  if (_installedErrorProtos.has(proto))
    return;
  _installedErrorProtos.add(proto);
  _lazyMethod(proto, "format", (self) => (mapper) => formatError(self, mapper));
  _lazyMethod(proto, "flatten", (self) => (mapper) => flattenError(self, mapper));
  _lazyMethod(proto, "addIssue", (self) => (issue2) => {
    self.issues.push(issue2);
    self.message = JSON.stringify(self.issues, jsonStringifyReplacer, 2);
  });
  _lazyMethod(proto, "addIssues", (self) => (issues2) => {
    self.issues.push(...issues2);
    self.message = JSON.stringify(self.issues, jsonStringifyReplacer, 2);
  });
  Object.defineProperty(proto, "isEmpty", {
    configurable: true,
    enumerable: false,
    get() {
      return this.issues.length === 0;
    }
  });
};
var ZodRealError = /* @__PURE__ */ $constructor("ZodError", initializer2, void 0, {
  Parent: Error
});

// node_modules/zod/v4/classic/parse.js
var parse = /* @__PURE__ */ _parse(ZodRealError);
var parseAsync = /* @__PURE__ */ _parseAsync(ZodRealError);
var safeParse = /* @__PURE__ */ _safeParse(ZodRealError);
var safeParseAsync = /* @__PURE__ */ _safeParseAsync(ZodRealError);
var encode = /* @__PURE__ */ _encode(ZodRealError);
var decode = /* @__PURE__ */ _decode(ZodRealError);
var encodeAsync = /* @__PURE__ */ _encodeAsync(ZodRealError);
var decodeAsync = /* @__PURE__ */ _decodeAsync(ZodRealError);
var safeEncode = /* @__PURE__ */ _safeEncode(ZodRealError);
var safeDecode = /* @__PURE__ */ _safeDecode(ZodRealError);
var safeEncodeAsync = /* @__PURE__ */ _safeEncodeAsync(ZodRealError);
var safeDecodeAsync = /* @__PURE__ */ _safeDecodeAsync(ZodRealError);

// node_modules/zod/v4/classic/schemas.js
function _ensureDefaultLocale() {
  if (!globalConfig.localeError)
    config(en_default());
}
function _ensureDefaultMemoizer() {
  if (!globalConfig.memoizer)
    config({ memoizer: memoizer() });
}
var ZodType = /* @__PURE__ */ $constructor("ZodType", (inst, def) => {
  _ensureDefaultLocale();
  $ZodType.init(inst, def);
  inst.def = def;
  inst.type = def.type;
  return inst;
}, {
  check(...chks) {
    const def = this.def;
    return this.clone(util_exports.mergeDefs(def, {
      checks: [
        ...def.checks ?? [],
        ...chks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch)
      ]
    }), { parent: true });
  },
  with(...chks) {
    return this.check(...chks);
  },
  clone(def, params) {
    return clone(this, def, params);
  },
  brand() {
    return this;
  },
  register(reg, meta2) {
    reg.add(this, meta2);
    return this;
  },
  refine(check, params) {
    return this.check(refine(check, params));
  },
  superRefine(refinement, params) {
    return this.check(superRefine(refinement, params));
  },
  overwrite(fn) {
    return this.check(_overwrite(fn));
  },
  optional() {
    return optional(this);
  },
  exactOptional() {
    return exactOptional(this);
  },
  nullable() {
    return nullable(this);
  },
  nullish() {
    return optional(nullable(this));
  },
  nonoptional(params) {
    return nonoptional(this, params);
  },
  array() {
    return array(this);
  },
  or(arg) {
    return union([this, arg]);
  },
  and(arg) {
    return intersection(this, arg);
  },
  transform(tx) {
    return pipe(this, transform(tx));
  },
  default(d) {
    return _default(this, d);
  },
  prefault(d) {
    return prefault(this, d);
  },
  catch(params) {
    return _catch(this, params);
  },
  pipe(target) {
    return pipe(this, target);
  },
  readonly() {
    return readonly(this);
  },
  describe(description) {
    const cl = this.clone();
    globalRegistry.add(cl, { description });
    return cl;
  },
  meta(...args) {
    if (args.length === 0)
      return globalRegistry.get(this);
    const cl = this.clone();
    globalRegistry.add(cl, args[0]);
    return cl;
  },
  isOptional() {
    return this.safeParse(void 0).success;
  },
  isNullable() {
    return this.safeParse(null).success;
  },
  apply(fn, ...args) {
    return args.length === 0 ? fn(this) : fn(this, ...args);
  },
  // Overrides core's `~standard` to add `jsonSchema`. Must stay a prototype entry: redefining it per instance demotes instances to dictionary mode.
  get "~standard"() {
    return util_exports.hide(this, "~standard", {
      ...standardProps(this),
      jsonSchema: {
        input: createStandardJSONSchemaMethod(this, "input"),
        output: createStandardJSONSchemaMethod(this, "output")
      }
    });
  },
  set "~standard"(value) {
    util_exports.own(this, "~standard", value);
  },
  parse: function _parse2(data, params) {
    return parse(this, data, params, { callee: _parse2 });
  },
  parseAsync: async function _parseAsync2(data, params) {
    return await parseAsync(this, data, params, { callee: _parseAsync2 });
  },
  safeParse(data, params) {
    return safeParse(this, data, params);
  },
  async safeParseAsync(data, params) {
    return safeParseAsync(this, data, params);
  },
  // `spa` is an alias: same function object as `safeParseAsync`, as before.
  get spa() {
    return this?.safeParseAsync;
  },
  set spa(value) {
    util_exports.own(this, "spa", value);
  },
  validate(data, params) {
    return validate(this, data, params);
  },
  validateAsync(data, params) {
    return validateAsync(this, data, params);
  },
  encode: function _encode2(data, params) {
    return encode(this, data, params, { callee: _encode2 });
  },
  decode: function _decode2(data, params) {
    return decode(this, data, params, { callee: _decode2 });
  },
  encodeAsync: async function _encodeAsync2(data, params) {
    return await encodeAsync(this, data, params, { callee: _encodeAsync2 });
  },
  decodeAsync: async function _decodeAsync2(data, params) {
    return await decodeAsync(this, data, params, { callee: _decodeAsync2 });
  },
  safeEncode(data, params) {
    return safeEncode(this, data, params);
  },
  safeDecode(data, params) {
    return safeDecode(this, data, params);
  },
  async safeEncodeAsync(data, params) {
    return safeEncodeAsync(this, data, params);
  },
  async safeDecodeAsync(data, params) {
    return safeDecodeAsync(this, data, params);
  },
  toJSONSchema(params) {
    return createToJSONSchemaMethod(this, {})(params);
  },
  // Reads through to the registry on every access, so it must not cache.
  get description() {
    return globalRegistry.get(this)?.description;
  },
  // No setter: `schema._def = x` throws, as it did when `_def` was a non-writable own property.
  get _def() {
    return this._zod.def;
  }
});
var _ZodString = /* @__PURE__ */ $constructor(
  "_ZodString",
  (inst, def) => {
    $ZodString.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => stringProcessor(inst, ctx, json, params);
  },
  /* @__PURE__ */ util_exports.derived({
    format: (inst) => aggregateChecks(inst).format ?? null,
    minLength: (inst) => aggregateChecks(inst).minimum ?? null,
    maxLength: (inst) => aggregateChecks(inst).maximum ?? null
  }, {
    regex(...args) {
      return this.check(_regex(...args));
    },
    includes(...args) {
      return this.check(_includes(...args));
    },
    startsWith(...args) {
      return this.check(_startsWith(...args));
    },
    endsWith(...args) {
      return this.check(_endsWith(...args));
    },
    min(...args) {
      return this.check(_minLength(...args));
    },
    max(...args) {
      return this.check(_maxLength(...args));
    },
    length(...args) {
      return this.check(_length(...args));
    },
    nonempty(...args) {
      return this.check(_minLength(1, ...args));
    },
    lowercase(params) {
      return this.check(_lowercase(params));
    },
    uppercase(params) {
      return this.check(_uppercase(params));
    },
    trim() {
      return this.check(_trim());
    },
    normalize(...args) {
      return this.check(_normalize(...args));
    },
    toLowerCase() {
      return this.check(_toLowerCase());
    },
    toUpperCase() {
      return this.check(_toUpperCase());
    },
    slugify() {
      return this.check(_slugify());
    }
  })
);
var ZodString = /* @__PURE__ */ $constructor("ZodString", (inst, def) => {
  $ZodString.init(inst, def);
  _ZodString.init(inst, def);
}, {
  email(params) {
    return this.check(_email(ZodEmail, params));
  },
  url(params) {
    return this.check(_url(ZodURL, params));
  },
  jwt(params) {
    return this.check(_jwt(ZodJWT, params));
  },
  emoji(params) {
    return this.check(_emoji2(ZodEmoji, params));
  },
  guid(params) {
    return this.check(_guid(ZodGUID, params));
  },
  uuid(params) {
    return this.check(_uuid(ZodUUID, params));
  },
  uuidv4(params) {
    return this.check(_uuidv4(ZodUUID, params));
  },
  uuidv6(params) {
    return this.check(_uuidv6(ZodUUID, params));
  },
  uuidv7(params) {
    return this.check(_uuidv7(ZodUUID, params));
  },
  nanoid(params) {
    return this.check(_nanoid(ZodNanoID, params));
  },
  cuid(params) {
    return this.check(_cuid(ZodCUID, params));
  },
  cuid2(params) {
    return this.check(_cuid2(ZodCUID2, params));
  },
  ulid(params) {
    return this.check(_ulid(ZodULID, params));
  },
  base64(params) {
    return this.check(_base64(ZodBase64, params));
  },
  base64url(params) {
    return this.check(_base64url(ZodBase64URL, params));
  },
  xid(params) {
    return this.check(_xid(ZodXID, params));
  },
  ksuid(params) {
    return this.check(_ksuid(ZodKSUID, params));
  },
  ipv4(params) {
    return this.check(_ipv4(ZodIPv4, params));
  },
  ipv6(params) {
    return this.check(_ipv6(ZodIPv6, params));
  },
  cidrv4(params) {
    return this.check(_cidrv4(ZodCIDRv4, params));
  },
  cidrv6(params) {
    return this.check(_cidrv6(ZodCIDRv6, params));
  },
  e164(params) {
    return this.check(_e164(ZodE164, params));
  },
  datetime(params) {
    return this.check(_isoDateTime(ZodISODateTime, params));
  },
  date(params) {
    return this.check(_isoDate(ZodISODate, params));
  },
  time(params) {
    return this.check(_isoTime(ZodISOTime, params));
  },
  duration(params) {
    return this.check(_isoDuration(ZodISODuration, params));
  }
});
function string2(params) {
  return _string(ZodString, params);
}
var ZodStringFormat = /* @__PURE__ */ $constructor("ZodStringFormat", (inst, def) => {
  $ZodStringFormat.init(inst, def);
  _ZodString.init(inst, def);
});
var ZodISODateTime = /* @__PURE__ */ $constructor("ZodISODateTime", (inst, def) => {
  $ZodISODateTime.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodISODate = /* @__PURE__ */ $constructor("ZodISODate", (inst, def) => {
  $ZodISODate.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodISOTime = /* @__PURE__ */ $constructor("ZodISOTime", (inst, def) => {
  $ZodISOTime.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodISODuration = /* @__PURE__ */ $constructor("ZodISODuration", (inst, def) => {
  $ZodISODuration.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodEmail = /* @__PURE__ */ $constructor("ZodEmail", (inst, def) => {
  $ZodEmail.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodGUID = /* @__PURE__ */ $constructor("ZodGUID", (inst, def) => {
  $ZodGUID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodUUID = /* @__PURE__ */ $constructor("ZodUUID", (inst, def) => {
  $ZodUUID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodURL = /* @__PURE__ */ $constructor("ZodURL", (inst, def) => {
  $ZodURL.init(inst, def);
  ZodStringFormat.init(inst, def);
});
function url(params) {
  return _url(ZodURL, params);
}
var ZodEmoji = /* @__PURE__ */ $constructor("ZodEmoji", (inst, def) => {
  $ZodEmoji.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodNanoID = /* @__PURE__ */ $constructor("ZodNanoID", (inst, def) => {
  $ZodNanoID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodCUID = /* @__PURE__ */ $constructor("ZodCUID", (inst, def) => {
  $ZodCUID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodCUID2 = /* @__PURE__ */ $constructor("ZodCUID2", (inst, def) => {
  $ZodCUID2.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodULID = /* @__PURE__ */ $constructor("ZodULID", (inst, def) => {
  $ZodULID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodXID = /* @__PURE__ */ $constructor("ZodXID", (inst, def) => {
  $ZodXID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodKSUID = /* @__PURE__ */ $constructor("ZodKSUID", (inst, def) => {
  $ZodKSUID.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodIPv4 = /* @__PURE__ */ $constructor("ZodIPv4", (inst, def) => {
  $ZodIPv4.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodIPv6 = /* @__PURE__ */ $constructor("ZodIPv6", (inst, def) => {
  $ZodIPv6.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodCIDRv4 = /* @__PURE__ */ $constructor("ZodCIDRv4", (inst, def) => {
  $ZodCIDRv4.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodCIDRv6 = /* @__PURE__ */ $constructor("ZodCIDRv6", (inst, def) => {
  $ZodCIDRv6.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodBase64 = /* @__PURE__ */ $constructor("ZodBase64", (inst, def) => {
  $ZodBase64.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodBase64URL = /* @__PURE__ */ $constructor("ZodBase64URL", (inst, def) => {
  $ZodBase64URL.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodE164 = /* @__PURE__ */ $constructor("ZodE164", (inst, def) => {
  $ZodE164.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodJWT = /* @__PURE__ */ $constructor("ZodJWT", (inst, def) => {
  $ZodJWT.init(inst, def);
  ZodStringFormat.init(inst, def);
});
var ZodNumber = /* @__PURE__ */ $constructor(
  "ZodNumber",
  (inst, def) => {
    $ZodNumber.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => numberProcessor(inst, ctx, json, params);
    inst.isFinite = true;
  },
  /* @__PURE__ */ util_exports.derived({
    minValue: (inst) => {
      const { minimum, exclusiveMinimum } = aggregateChecks(inst);
      return Math.max(minimum ?? Number.NEGATIVE_INFINITY, exclusiveMinimum ?? Number.NEGATIVE_INFINITY);
    },
    maxValue: (inst) => {
      const { maximum, exclusiveMaximum } = aggregateChecks(inst);
      return Math.min(maximum ?? Number.POSITIVE_INFINITY, exclusiveMaximum ?? Number.POSITIVE_INFINITY);
    },
    isInt: (inst) => {
      const { isInt, multipleOf } = aggregateChecks(inst);
      return !!isInt || !!multipleOf?.some(Number.isSafeInteger);
    },
    format: (inst) => aggregateChecks(inst).format ?? null
  }, {
    gt(value, params) {
      return this.check(_gt(value, params));
    },
    gte(value, params) {
      return this.check(_gte(value, params));
    },
    min(value, params) {
      return this.check(_gte(value, params));
    },
    lt(value, params) {
      return this.check(_lt(value, params));
    },
    lte(value, params) {
      return this.check(_lte(value, params));
    },
    max(value, params) {
      return this.check(_lte(value, params));
    },
    int(params) {
      return this.check(int(params));
    },
    safe(params) {
      return this.check(int(params));
    },
    positive(params) {
      return this.check(_gt(0, params));
    },
    nonnegative(params) {
      return this.check(_gte(0, params));
    },
    negative(params) {
      return this.check(_lt(0, params));
    },
    nonpositive(params) {
      return this.check(_lte(0, params));
    },
    multipleOf(value, params) {
      return this.check(_multipleOf(value, params));
    },
    step(value, params) {
      return this.check(_multipleOf(value, params));
    },
    finite() {
      return this;
    }
  })
);
function number2(params) {
  return _number(ZodNumber, params);
}
var ZodNumberFormat = /* @__PURE__ */ $constructor("ZodNumberFormat", (inst, def) => {
  $ZodNumberFormat.init(inst, def);
  ZodNumber.init(inst, def);
});
function int(params) {
  return _int(ZodNumberFormat, params);
}
var ZodBoolean = /* @__PURE__ */ $constructor("ZodBoolean", (inst, def) => {
  $ZodBoolean.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json, params) => booleanProcessor(inst, ctx, json, params);
});
function boolean2(params) {
  return _boolean(ZodBoolean, params);
}
var ZodBigInt = /* @__PURE__ */ $constructor(
  "ZodBigInt",
  (inst, def) => {
    $ZodBigInt.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => bigintProcessor(inst, ctx, json, params);
  },
  /* @__PURE__ */ util_exports.derived({
    minValue: (inst) => aggregateChecks(inst).minimum ?? null,
    maxValue: (inst) => aggregateChecks(inst).maximum ?? null,
    format: (inst) => aggregateChecks(inst).format ?? null
  }, {
    gte(value, params) {
      return this.check(_gte(value, params));
    },
    min(value, params) {
      return this.check(_gte(value, params));
    },
    gt(value, params) {
      return this.check(_gt(value, params));
    },
    lt(value, params) {
      return this.check(_lt(value, params));
    },
    lte(value, params) {
      return this.check(_lte(value, params));
    },
    max(value, params) {
      return this.check(_lte(value, params));
    },
    positive(params) {
      return this.check(_gt(BigInt(0), params));
    },
    negative(params) {
      return this.check(_lt(BigInt(0), params));
    },
    nonpositive(params) {
      return this.check(_lte(BigInt(0), params));
    },
    nonnegative(params) {
      return this.check(_gte(BigInt(0), params));
    },
    multipleOf(value, params) {
      return this.check(_multipleOf(value, params));
    }
  })
);
var ZodUnknown = /* @__PURE__ */ $constructor("ZodUnknown", (inst, def) => {
  $ZodUnknown.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json, params) => unknownProcessor(inst, ctx, json, params);
});
function unknown() {
  return _unknown(ZodUnknown);
}
var ZodNever = /* @__PURE__ */ $constructor("ZodNever", (inst, def) => {
  $ZodNever.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json, params) => neverProcessor(inst, ctx, json, params);
});
function never(params) {
  return _never(ZodNever, params);
}
var ZodDate = /* @__PURE__ */ $constructor(
  "ZodDate",
  (inst, def) => {
    $ZodDate.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => dateProcessor(inst, ctx, json, params);
    inst.min = (value, params) => inst.check(_gte(value, params));
    inst.max = (value, params) => inst.check(_lte(value, params));
  },
  /* @__PURE__ */ util_exports.derived({
    minDate: (inst) => {
      const { minimum } = aggregateChecks(inst);
      return minimum ? new Date(minimum) : null;
    },
    maxDate: (inst) => {
      const { maximum } = aggregateChecks(inst);
      return maximum ? new Date(maximum) : null;
    }
  }, {})
);
var ZodArray = /* @__PURE__ */ $constructor("ZodArray", (inst, def) => {
  _ensureDefaultMemoizer();
  $ZodArray.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json, params) => arrayProcessor(inst, ctx, json, params);
  inst.element = def.element;
}, {
  min(n2, params) {
    return this.check(_minLength(n2, params));
  },
  nonempty(params) {
    return this.check(_minLength(1, params));
  },
  max(n2, params) {
    return this.check(_maxLength(n2, params));
  },
  length(n2, params) {
    return this.check(_length(n2, params));
  },
  unwrap() {
    return this.element;
  }
});
function array(element, params) {
  return _array(ZodArray, element, params);
}
var ZodObject = /* @__PURE__ */ $constructor("ZodObject", (inst, def) => {
  _ensureDefaultMemoizer();
  $ZodObjectJIT.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json, params) => objectProcessor(inst, ctx, json, params);
  util_exports.installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
}, {
  keyof() {
    return _enum(Object.keys(this._zod.def.shape));
  },
  catchall(catchall) {
    return this.clone(util_exports.mergeDefs(this._zod.def, { catchall }));
  },
  passthrough() {
    return this.clone(util_exports.mergeDefs(this._zod.def, { catchall: unknown() }));
  },
  loose() {
    return this.clone(util_exports.mergeDefs(this._zod.def, { catchall: unknown() }));
  },
  strict() {
    return this.clone(util_exports.mergeDefs(this._zod.def, { catchall: never() }));
  },
  strip() {
    return this.clone(util_exports.mergeDefs(this._zod.def, { catchall: void 0 }));
  },
  extend(incoming) {
    return util_exports.extend(this, incoming);
  },
  safeExtend(incoming) {
    return util_exports.safeExtend(this, incoming);
  },
  merge(other) {
    return util_exports.merge(this, other);
  },
  pick(mask) {
    return util_exports.pick(this, mask);
  },
  omit(mask) {
    return util_exports.omit(this, mask);
  },
  partial(...args) {
    return util_exports.partial(ZodOptional, this, args[0]);
  },
  exactPartial(...args) {
    return util_exports.partial(ZodExactOptional, this, args[0], "exactPartial");
  },
  required(...args) {
    return util_exports.required(ZodNonOptional, this, args[0]);
  }
});
function object(shape, params) {
  const def = {
    type: "object",
    shape: shape ?? {},
    ...util_exports.normalizeParams(params)
  };
  return new ZodObject(def);
}
var ZodUnion = /* @__PURE__ */ $constructor("ZodUnion", (inst, def) => {
  $ZodUnion.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json, params) => unionProcessor(inst, ctx, json, params);
  inst.options = def.options;
});
function union(options, params) {
  return new ZodUnion({
    type: "union",
    options,
    ...util_exports.normalizeParams(params)
  });
}
var ZodIntersection = /* @__PURE__ */ $constructor("ZodIntersection", (inst, def) => {
  $ZodIntersection.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json, params) => intersectionProcessor(inst, ctx, json, params);
});
function intersection(left, right) {
  return new ZodIntersection({
    type: "intersection",
    left,
    right
  });
}
var ZodRecord = /* @__PURE__ */ $constructor("ZodRecord", (inst, def) => {
  _ensureDefaultMemoizer();
  $ZodRecord.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json, params) => recordProcessor(inst, ctx, json, params);
  inst.keyType = def.keyType;
  inst.valueType = def.valueType;
});
function record(keyType, valueType, params) {
  if (!valueType || !valueType._zod) {
    return new ZodRecord({
      type: "record",
      keyType: string2(),
      valueType: keyType,
      ...util_exports.normalizeParams(valueType)
    });
  }
  return new ZodRecord({
    type: "record",
    keyType,
    valueType,
    ...util_exports.normalizeParams(params)
  });
}
var ZodEnum = /* @__PURE__ */ $constructor("ZodEnum", (inst, def) => {
  $ZodEnum.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json, params) => enumProcessor(inst, ctx, json, params);
  inst.enum = def.entries;
  inst.options = [...inst._zod.values];
  const keys2 = new Set(Object.keys(def.entries));
  inst.extract = (values, params) => {
    const newEntries = {};
    for (const value of values) {
      if (keys2.has(value)) {
        newEntries[value] = def.entries[value];
      } else
        throw new Error(`Key ${value} not found in enum`);
    }
    return new ZodEnum({
      ...def,
      checks: [],
      ...util_exports.normalizeParams(params),
      entries: newEntries
    });
  };
  inst.exclude = (values, params) => {
    const newEntries = { ...def.entries };
    for (const value of values) {
      if (keys2.has(value)) {
        delete newEntries[value];
      } else
        throw new Error(`Key ${value} not found in enum`);
    }
    return new ZodEnum({
      ...def,
      checks: [],
      ...util_exports.normalizeParams(params),
      entries: newEntries
    });
  };
});
function _enum(values, params) {
  const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
  return new ZodEnum({
    type: "enum",
    entries,
    ...util_exports.normalizeParams(params)
  });
}
var ZodTransform = /* @__PURE__ */ $constructor("ZodTransform", (inst, def) => {
  _ensureDefaultMemoizer();
  $ZodTransform.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json, params) => transformProcessor(inst, ctx, json, params);
  inst._zod.parse = (payload, _ctx) => {
    if (_ctx.direction === "backward") {
      throw new $ZodEncodeError(inst.constructor.name);
    }
    payload.addIssue = (issue2) => {
      if (typeof issue2 === "string") {
        payload.issues.push(util_exports.issue(issue2, payload.value, def));
      } else {
        const _issue = issue2;
        if (_issue.fatal)
          _issue.continue = false;
        _issue.code ?? (_issue.code = "custom");
        if (!("input" in _issue))
          _issue.input = payload.value;
        _issue.inst ?? (_issue.inst = inst);
        payload.issues.push(util_exports.issue(_issue));
      }
    };
    const output = def.transform(payload.value, payload);
    if (output instanceof Promise) {
      return output.then((output2) => {
        payload.value = output2;
        return payload;
      });
    }
    payload.value = output;
    return payload;
  };
});
function transform(fn) {
  return new ZodTransform({
    type: "transform",
    transform: fn
  });
}
var ZodOptional = /* @__PURE__ */ $constructor("ZodOptional", (inst, def) => {
  $ZodOptional.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json, params) => optionalProcessor(inst, ctx, json, params);
  inst.unwrap = () => inst._zod.def.innerType;
});
function optional(innerType) {
  return new ZodOptional({
    type: "optional",
    innerType
  });
}
var ZodExactOptional = /* @__PURE__ */ $constructor("ZodExactOptional", (inst, def) => {
  $ZodExactOptional.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json, params) => optionalProcessor(inst, ctx, json, params);
  inst.unwrap = () => inst._zod.def.innerType;
});
function exactOptional(innerType) {
  return new ZodExactOptional({
    type: "optional",
    innerType
  });
}
var ZodNullable = /* @__PURE__ */ $constructor("ZodNullable", (inst, def) => {
  $ZodNullable.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json, params) => nullableProcessor(inst, ctx, json, params);
  inst.unwrap = () => inst._zod.def.innerType;
});
function nullable(innerType) {
  return new ZodNullable({
    type: "nullable",
    innerType
  });
}
var ZodDefault = /* @__PURE__ */ $constructor("ZodDefault", (inst, def) => {
  $ZodDefault.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json, params) => defaultProcessor(inst, ctx, json, params);
  inst.unwrap = () => inst._zod.def.innerType;
  inst.removeDefault = inst.unwrap;
});
function _default(innerType, defaultValue) {
  return new ZodDefault({
    type: "default",
    innerType,
    get defaultValue() {
      return typeof defaultValue === "function" ? defaultValue() : util_exports.shallowClone(defaultValue);
    }
  });
}
var ZodPrefault = /* @__PURE__ */ $constructor("ZodPrefault", (inst, def) => {
  $ZodPrefault.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json, params) => prefaultProcessor(inst, ctx, json, params);
  inst.unwrap = () => inst._zod.def.innerType;
});
function prefault(innerType, defaultValue) {
  return new ZodPrefault({
    type: "prefault",
    innerType,
    get defaultValue() {
      return typeof defaultValue === "function" ? defaultValue() : util_exports.shallowClone(defaultValue);
    }
  });
}
var ZodNonOptional = /* @__PURE__ */ $constructor("ZodNonOptional", (inst, def) => {
  $ZodNonOptional.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json, params) => nonoptionalProcessor(inst, ctx, json, params);
  inst.unwrap = () => inst._zod.def.innerType;
});
function nonoptional(innerType, params) {
  return new ZodNonOptional({
    type: "nonoptional",
    innerType,
    ...util_exports.normalizeParams(params)
  });
}
var ZodCatch = /* @__PURE__ */ $constructor("ZodCatch", (inst, def) => {
  $ZodCatch.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json, params) => catchProcessor(inst, ctx, json, params);
  inst.unwrap = () => inst._zod.def.innerType;
  inst.removeCatch = inst.unwrap;
});
function _catch(innerType, catchValue) {
  return new ZodCatch({
    type: "catch",
    innerType,
    catchValue: typeof catchValue === "function" ? catchValue : util_exports.constantCatch(catchValue)
  });
}
var ZodPipe = /* @__PURE__ */ $constructor("ZodPipe", (inst, def) => {
  $ZodPipe.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json, params) => pipeProcessor(inst, ctx, json, params);
  inst.in = def.in;
  inst.out = def.out;
});
function pipe(in_, out) {
  return new ZodPipe({
    type: "pipe",
    in: in_,
    out
    // ...util.normalizeParams(params),
  });
}
var ZodPreprocess = /* @__PURE__ */ $constructor("ZodPreprocess", (inst, def) => {
  ZodPipe.init(inst, def);
  $ZodPreprocess.init(inst, def);
});
var ZodReadonly = /* @__PURE__ */ $constructor("ZodReadonly", (inst, def) => {
  $ZodReadonly.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json, params) => readonlyProcessor(inst, ctx, json, params);
  inst.unwrap = () => inst._zod.def.innerType;
});
function readonly(innerType) {
  return new ZodReadonly({
    type: "readonly",
    innerType
  });
}
var ZodCustom = /* @__PURE__ */ $constructor("ZodCustom", (inst, def) => {
  $ZodCustom.init(inst, def);
  ZodType.init(inst, def);
  inst._zod.processJSONSchema = (ctx, json, params) => customProcessor(inst, ctx, json, params);
});
function refine(fn, _params = {}) {
  return _refine(ZodCustom, fn, _params);
}
function superRefine(fn, params) {
  return _superRefine(fn, params);
}
function preprocess(fn, schema) {
  return new ZodPreprocess({
    type: "pipe",
    in: transform(fn),
    out: schema
  });
}

// node_modules/zod/v4/classic/coerce.js
var coerce_exports = {};
__export(coerce_exports, {
  bigint: () => bigint2,
  boolean: () => boolean3,
  date: () => date2,
  number: () => number3,
  string: () => string3
});
function string3(params) {
  return _coercedString(ZodString, params);
}
function number3(params) {
  return _coercedNumber(ZodNumber, params);
}
function boolean3(params) {
  return _coercedBoolean(ZodBoolean, params);
}
function bigint2(params) {
  return _coercedBigint(ZodBigInt, params);
}
function date2(params) {
  return _coercedDate(ZodDate, params);
}

// src/diagnostics/ctx-urls.ts
function backendBase(env) {
  return env.ctx.AUTH_BASE_URL.replace(/\/+$/, "");
}
function backendUrl(env, path2) {
  return `${backendBase(env)}${path2.startsWith("/") ? path2 : `/${path2}`}`;
}
function isLoopbackHost(hostname) {
  const h = hostname.replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127\./.test(h);
}

// src/diagnostics/status-rules.ts
var RANK = { skip: 0, ok: 1, warn: 2, fail: 3 };
function worst(...statuses) {
  return statuses.reduce((a, b) => RANK[b] > RANK[a] ? b : a, "skip");
}
function overallStatus(results) {
  const w = worst(...results.map((r) => r.status));
  return w === "skip" ? "ok" : w;
}
function attributeRootCauses(results, dependsOn) {
  const byId = new Map(results.map((r) => [r.id, r]));
  const failing = (id) => byId.get(id)?.status === "fail";
  const rootOf = (id, seen) => {
    const queue = [...dependsOn[id] ?? []];
    while (queue.length) {
      const dep = queue.shift();
      if (seen.has(dep)) continue;
      seen.add(dep);
      if (failing(dep)) return rootOf(dep, seen) ?? dep;
      queue.push(...dependsOn[dep] ?? []);
    }
    return void 0;
  };
  return results.map((r) => {
    if (r.status !== "fail" && r.status !== "warn" || r.independent) return r;
    const root = rootOf(r.id, /* @__PURE__ */ new Set([r.id]));
    return root ? { ...r, rootCause: root } : r;
  });
}
function attributeLikelyCauses(results, likelyCauses, titles = {}) {
  const out = results.map((r) => ({ ...r }));
  const byId = new Map(out.map((r) => [r.id, r]));
  for (const r of out) {
    if (r.status !== "fail" && r.status !== "warn" || r.rootCause || r.independent) continue;
    for (const [causeId, reason] of Object.entries(likelyCauses[r.id] ?? {})) {
      const cause = byId.get(causeId);
      if (cause?.status !== "fail" || cause.local) continue;
      const root = cause.rootCause ?? causeId;
      if (root === r.id) continue;
      r.rootCause = root;
      r.rootCauseReason = reason;
      for (const d of out) {
        if (d.rootCause === r.id) {
          d.rootCause = root;
          d.rootCauseReason ??= `${titles[r.id] ?? r.id} fails because of it: ${reason}`;
        }
      }
      break;
    }
  }
  return out;
}
function rootsFirst(checks) {
  const explained = (id) => checks.filter((c) => c.rootCause === id).length;
  return checks.map((c, order) => ({ c, order })).filter(({ c }) => (c.status === "fail" || c.status === "warn") && !c.rootCause).sort((a, b) => RANK[b.c.status] - RANK[a.c.status] || explained(b.c.id) - explained(a.c.id) || a.order - b.order).map(({ c }) => c);
}
function headline(report, titles = {}) {
  const name = (id) => titles[id] ?? id;
  const env = report.environment;
  const fails = report.checks.filter((c) => c.status === "fail");
  const warns = report.checks.filter((c) => c.status === "warn");
  const considered = report.checks.filter((c) => c.status !== "skip").length;
  if (report.overall === "ok") return `All ${considered} checks healthy on ${env}`;
  const roots = rootsFirst(report.checks);
  const explained = (rootId) => report.checks.filter((c) => c.rootCause === rootId).map((c) => name(c.id));
  const parts = roots.slice(0, 3).map((r) => {
    const downstream = explained(r.id);
    const what = `${name(r.id)} ${r.status === "fail" ? "failing" : "degraded"}`;
    const shown = downstream.length > 5 ? `${downstream.slice(0, 4).join(", ")} and ${downstream.length - 4} more` : downstream.join(", ");
    return downstream.length ? `${what} (also breaks ${shown})` : what;
  });
  if (roots.length > 3) parts.push(`${roots.length - 3} more`);
  const counts = [fails.length && `${fails.length} failing`, warns.length && `${warns.length} warning`].filter(Boolean).join(", ");
  return `${env}: ${parts.join("; ")} (${counts})`;
}

// src/diagnostics/findings.ts
var MARK = { ok: "\u2713", warn: "\u26A0", fail: "\u2717", info: "\xB7" };
function findings() {
  const details = [];
  let status = "ok";
  const add = (s, text) => {
    details.push(`${MARK[s === "skip" ? "info" : s]} ${text}`);
    if (s !== "info") status = worst(status, s);
  };
  return {
    ok: (text) => add("ok", text),
    warn: (text) => add("warn", text),
    fail: (text) => add("fail", text),
    info: (text) => add("info", text),
    get status() {
      return status;
    },
    details,
    done(summary, extra = {}) {
      const out = { status: extra.status ?? status, summary, details: [...details] };
      if (extra.runbook) out.runbook = extra.runbook;
      return out;
    }
  };
}
function skipped(summary, details = []) {
  return { status: "skip", summary, details };
}
function ms(n2) {
  return n2 < 10 ? `${n2.toFixed(1)} ms` : `${Math.round(n2)} ms`;
}

// src/util/lazy-require.ts
import { createRequire } from "node:module";
var require2 = createRequire(import.meta.url);
var loaders = /* @__PURE__ */ new Map();
var vendored = new Set(true ? "undici,pg,ioredis".split(",") : []);
var resolveId = (id) => vendored.has(id) && !alreadyLoaded(id) ? packagePath("dist", "vendor", `${id}.cjs`) : id;
function alreadyLoaded(id) {
  try {
    return require2.resolve(id) in require2.cache;
  } catch {
    return false;
  }
}
var afterPoll = () => (
  // The first immediate may run before this iteration's poll phase; the second runs after it.
  new Promise((resolve5) => setImmediate(() => setImmediate(resolve5)))
);
function lazyRequire(id) {
  let load2 = loaders.get(id);
  if (!load2) {
    let loaded;
    const get = () => loaded ??= require2(resolveId(id));
    load2 = Object.assign(get, {
      soon: async () => {
        if (loaded === void 0) await afterPoll();
        return get();
      }
    });
    loaders.set(id, load2);
  }
  return load2;
}
function preloadLazy(ids) {
  for (const id of ids) {
    try {
      loaders.get(id)?.();
    } catch {
    }
  }
}

// src/util/net-errors.ts
var DNS = /* @__PURE__ */ new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NONAME", "EAI_NODATA"]);
var REFUSED = /* @__PURE__ */ new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL"]);
var TIMEOUT = /* @__PURE__ */ new Set([
  "ETIMEDOUT",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "ESOCKETTIMEDOUT"
]);
var RESET = /* @__PURE__ */ new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED"]);
var TLS = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|EPROTO$|ERR_OSSL)/;
function* chain(err) {
  const seen = /* @__PURE__ */ new Set();
  const stack = [err];
  while (stack.length) {
    const e = stack.shift();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    yield e;
    const rec = e;
    if (rec.cause) stack.push(rec.cause);
    if (Array.isArray(rec.errors)) stack.push(...rec.errors);
  }
}
function classifyError(err) {
  let first;
  for (const e of chain(err)) {
    const code = typeof e.code === "string" ? e.code : void 0;
    const message = typeof e.message === "string" ? e.message : String(e);
    const name = typeof e.name === "string" ? e.name : "";
    const kind = name === "AbortError" || code === "ABORT_ERR" || code === "UND_ERR_ABORTED" ? "aborted" : code && DNS.has(code) ? "dns" : code && REFUSED.has(code) ? "refused" : code && TIMEOUT.has(code) ? "timeout" : code && TLS.test(code) ? "tls" : code && RESET.has(code) ? "reset" : /timeout|timed out/i.test(message) ? "timeout" : /ssl|tls|certificate/i.test(message) ? "tls" : void 0;
    if (kind && kind !== "reset") return { kind, code, message };
    if (kind === "reset" && (!first || first.kind === "other")) first = { kind, code, message };
    if (!first && kind === void 0 && message) first = { kind: "other", code, message };
  }
  return first ?? { kind: "other", message: String(err) };
}
function describeFailure(f, target) {
  switch (f.kind) {
    case "dns":
      return `DNS: cannot resolve the host of ${target} (${f.code ?? "lookup failed"})`;
    case "refused":
      return `TCP: connection refused by ${target} (${f.code ?? "refused"}): nothing is listening there`;
    case "timeout":
      return `timed out talking to ${target} (${f.code ?? "timeout"})`;
    case "tls":
      return `TLS: handshake with ${target} failed (${f.code ?? "tls"}): ${f.message}`;
    case "reset":
      return `connection to ${target} was closed by the other side (${f.code ?? "reset"})`;
    case "auth":
      return `authentication to ${target} failed: ${f.message}`;
    case "aborted":
      return `request to ${target} was cut off at the check's deadline`;
    case "protocol":
      return `${target} answered something unexpected: ${f.message}`;
    default:
      return `${target}: ${f.message}`;
  }
}

// src/util/undici-request.ts
function requestUrl(dispatcher, url2, opts) {
  const u = new URL(url2);
  return dispatcher.request({
    ...opts,
    origin: u.origin,
    path: `${u.pathname}${u.search}`,
    method: opts.method ?? "GET"
  });
}

// src/diagnostics/http-client.ts
var undiciModule = lazyRequire("undici");
function createHttpClient(opts = {}) {
  let agent = opts.dispatcher;
  const dispatcherFor = () => agent ??= new (undiciModule()).Agent({
    connect: { timeout: opts.connectTimeoutMs ?? 1e4 },
    keepAliveTimeout: 4e3
  });
  return {
    async request(url2, req) {
      const started = performance.now();
      try {
        const dispatcher = dispatcherFor();
        const res = await requestUrl(dispatcher, url2, {
          method: req.method ?? "GET",
          headers: { "user-agent": "ctx-ops", ...req.headers },
          body: req.body,
          signal: req.signal
        });
        const { text, truncated } = await readLimited(res.body, req.maxBytes ?? 64 * 1024);
        const headers = {};
        for (const [k, v] of Object.entries(res.headers))
          headers[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
        return { ok: true, res: { status: res.statusCode, headers, text, truncated, ms: performance.now() - started } };
      } catch (err) {
        return { ok: false, failure: classifyError(err), ms: performance.now() - started };
      }
    },
    async close() {
      if (!opts.dispatcher && agent) await agent.close();
    }
  };
}
async function readLimited(body, max) {
  const chunks = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = chunk;
    if (size + buf.length > max) {
      chunks.push(buf.subarray(0, max - size));
      body.destroy();
      return { text: Buffer.concat(chunks).toString("utf8"), truncated: true };
    }
    chunks.push(buf);
    size += buf.length;
  }
  return { text: Buffer.concat(chunks).toString("utf8"), truncated: false };
}
function tryJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}

// src/diagnostics/checks/backend.ts
function clockSkewStatus(skewMs, allowedSeconds) {
  return Math.abs(skewMs) > allowedSeconds * 1e3 ? "warn" : "ok";
}
var DB_PROBE_PATH = "/.auth/api/v1/public/invitations/ctx-ops-probe";
function dbPathVerdict(status, body) {
  if (status === 404 && /invitation not found/i.test(body)) return "ok";
  if (status >= 500) return "failing";
  return "unknown";
}
var DB_EXPLAINABLE = /* @__PURE__ */ new Set(["refused", "timeout", "reset"]);
var oneLineBody = (text) => {
  const doc = tryJson(text);
  const message = typeof doc?.message === "string" ? doc.message : doc?.error;
  const t = (typeof message === "string" ? message : text).trim().replace(/\s+/g, " ");
  return t ? JSON.stringify(t.length > 140 ? `${t.slice(0, 140)}\u2026` : t) : "(empty body)";
};
var backendCheck = {
  id: "backend",
  title: "Backend",
  dependsOn: [],
  likelyCauses: {
    postgres: "the ctx| backend exits at start when its database is missing or unreachable, and answers 500 on every database path when it loses it while running"
  },
  options: { clockSkewSeconds: number2().positive().default(60), slowMs: number2().int().positive().default(2e3) },
  async run(ctx, signal) {
    const f = findings();
    const url2 = backendUrl(ctx.env, "/.status");
    const dbUrl = backendUrl(ctx.env, DB_PROBE_PATH);
    const out = await ctx.http.request(url2, { signal, headers: { accept: "application/json" } });
    if (!out.ok) {
      f.fail(describeFailure(out.failure, url2));
      const outcome = f.done(`unreachable: ${describeFailure(out.failure, "AUTH_BASE_URL")}`);
      return DB_EXPLAINABLE.has(out.failure.kind) ? outcome : { ...outcome, independent: true };
    }
    const { res } = out;
    if (res.status !== 200) {
      f.fail(`GET /.status answered HTTP ${res.status} in ${ms(res.ms)} (expected 200)`);
      return { ...f.done(`GET /.status answered HTTP ${res.status}`), independent: res.status < 500 };
    }
    const body = tryJson(res.text);
    if (!body || typeof body !== "object" || body.status !== "ok") {
      f.fail(
        `GET /.status answered 200 but not ctx|'s {"status":"ok"} JSON (got ${JSON.stringify(res.text.slice(0, 80))}); is AUTH_BASE_URL the backend?`
      );
      return { ...f.done("answers, but not like a ctx| backend"), independent: true };
    }
    f.ok(`GET /.status \u2192 200 {"status":"ok"} in ${ms(res.ms)} (this route checks nothing else)`);
    const notes = [];
    const ts = typeof body.timestamp === "string" ? Date.parse(body.timestamp) : NaN;
    if (Number.isNaN(ts)) {
      f.warn("the answer has no valid timestamp, so its clock cannot be compared");
    } else {
      const skew = ts - ctx.now().getTime();
      const seconds = Math.round(skew / 1e3);
      if (clockSkewStatus(skew, ctx.options.clockSkewSeconds) === "warn") {
        notes.push(`clock ${seconds > 0 ? "+" : ""}${seconds} s`);
        f.warn(
          `the backend's clock is ${Math.abs(seconds)} s ${skew > 0 ? "ahead of" : "behind"} this bot's (allowed ${ctx.options.clockSkewSeconds} s): token expiry and OAuth depend on it; check NTP`
        );
      } else {
        f.ok(`clock within ${ctx.options.clockSkewSeconds} s of this bot's (${seconds >= 0 ? "+" : ""}${seconds} s)`);
      }
    }
    if (res.ms > ctx.options.slowMs) {
      notes.push("slow");
      f.warn(`slow: ${ms(res.ms)} (warn above ${ctx.options.slowMs} ms)`);
    }
    const db = await ctx.http.request(dbUrl, { signal, headers: { accept: "application/json" } });
    let dbFailure;
    if (!db.ok) {
      f.warn(
        `GET ${DB_PROBE_PATH}: ${describeFailure(db.failure, dbUrl)}; whether the backend reaches its database is not known`
      );
    } else {
      const seen = `GET ${DB_PROBE_PATH} \u2192 ${db.res.status} ${oneLineBody(db.res.text)} in ${ms(db.res.ms)}`;
      switch (dbPathVerdict(db.res.status, db.res.text)) {
        case "ok":
          f.ok(`${seen}: a route that reads Postgres answers, so the backend reaches its database`);
          break;
        case "failing":
          dbFailure = oneLineBody(db.res.text);
          f.fail(
            `${seen}: the backend is up but cannot use its database, so sign-in, MCP and every API call fail while /.status stays 200. Its database is gone or unreachable, or its connection pool was closed (after SIGTERM upstream closes the pool and keeps serving until killed): restart the backend once Postgres answers`
          );
          break;
        default:
          f.info(
            `${seen}: not the answer of a ctx| version with the public invitation route, so whether the backend reaches its database is not shown here (the auth and mcp checks read its signing keys)`
          );
      }
    }
    if (dbFailure) return f.done(`up, but cannot use its database: ${dbFailure}`);
    return f.done(`up, answered in ${ms(res.ms)}${notes.length ? ` (${notes.join(", ")})` : ""}`);
  }
};

// src/diagnostics/service-token.ts
function serviceTokenClaims(ctx, orgId) {
  return {
    iss: ctx.AUTH_ISSUER ?? ctx.AUTH_BASE_URL,
    aud: ctx.AUTH_TOKEN_AUDIENCE_CODESEARCH,
    sub: `org:${orgId}`,
    orgId,
    principal: "service",
    lifetime: "5m"
  };
}
async function mintServiceToken(secret, claims) {
  const { SignJWT } = await import("./webapi-ZNGAQTFH.js");
  return new SignJWT({ orgId: claims.orgId, principal: claims.principal }).setProtectedHeader({ alg: "HS256" }).setSubject(claims.sub).setIssuer(claims.iss).setAudience(claims.aud).setIssuedAt().setExpirationTime(claims.lifetime).sign(new TextEncoder().encode(secret));
}

// src/diagnostics/signing-keys.ts
import { createHash } from "node:crypto";

// node_modules/@noble/ciphers/utils.js
function isBytes(a) {
  return a instanceof Uint8Array || ArrayBuffer.isView(a) && a.constructor.name === "Uint8Array" && "BYTES_PER_ELEMENT" in a && a.BYTES_PER_ELEMENT === 1;
}
var atitle = (title) => title ? `"${title}" ` : "";
function abool(value, title = "") {
  if (typeof value !== "boolean")
    throw new TypeError(atitle(title) + "expected boolean, got type=" + typeof value);
  return value;
}
function anumber(n2, title = "") {
  if (typeof n2 !== "number")
    throw new TypeError(atitle(title) + "expected number, got " + typeof n2);
  if (!Number.isSafeInteger(n2) || n2 < 0)
    throw new RangeError(atitle(title) + "expected integer >= 0, got " + n2);
  return n2;
}
function abytes(value, length, title = "") {
  if (isBytes(value) && (length === void 0 || value.length === length))
    return value;
  if (length !== void 0)
    anumber(length, "length");
  const bytes = isBytes(value);
  const ofLen = length !== void 0 ? ` of length ${length}` : "";
  const got = bytes ? `length=${value.length}` : `type=${typeof value}`;
  const message = atitle(title) + "expected Uint8Array" + ofLen + ", got " + got;
  if (!bytes)
    throw new TypeError(message);
  throw new RangeError(message);
}
var aobject = (value, label) => {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new TypeError(label === "object" ? "expected valid options object" : `"${label}" expected object, got type=${typeof value}`);
};
function aexists(instance, checkFinished = true) {
  if (instance.destroyed)
    throw new Error("hash was destroyed");
  if (checkFinished && instance.finished)
    throw new Error("digest() was already called");
}
function aoutput(out, instance) {
  abytes(out, void 0, "output");
  const min = instance.outputLen;
  if (!(out.length >= min)) {
    throw new RangeError('"output" expected length >= ' + min);
  }
}
function u32(arr) {
  return new Uint32Array(arr.buffer, arr.byteOffset, Math.floor(arr.byteLength / 4));
}
function clean(...arrays) {
  for (let i = 0; i < arrays.length; i++) {
    arrays[i].fill(0);
  }
}
function createView(arr) {
  return new DataView(arr.buffer, arr.byteOffset, arr.byteLength);
}
var isLE = /* @__PURE__ */ (() => new Uint8Array(new Uint32Array([287454020]).buffer)[0] === 68)();
function byteSwap(word) {
  return word << 24 & 4278190080 | word << 8 & 16711680 | word >>> 8 & 65280 | word >>> 24 & 255;
}
function byteSwap32(arr) {
  for (let i = 0; i < arr.length; i++) {
    arr[i] = byteSwap(arr[i]);
  }
  return arr;
}
var swap32IfBE = isLE ? (u) => u : byteSwap32;
var hasHexBuiltin = /* @__PURE__ */ (() => (
  // @ts-ignore
  typeof Uint8Array.from([]).toHex === "function" && typeof Uint8Array.fromHex === "function"
))();
function asciiToBase16(ch) {
  return ch >= 48 && ch <= 57 ? ch - 48 : ch >= 65 && ch <= 70 ? ch - (65 - 10) : ch >= 97 && ch <= 102 ? ch - (97 - 10) : void 0;
}
function hexToBytes(hex) {
  if (typeof hex !== "string")
    throw new TypeError("hex string expected, got " + typeof hex);
  if (hasHexBuiltin) {
    try {
      return Uint8Array.fromHex(hex);
    } catch (error2) {
      if (error2 instanceof SyntaxError)
        throw new RangeError(error2.message);
      throw error2;
    }
  }
  const hl = hex.length;
  const al = hl / 2;
  if (hl % 2)
    throw new RangeError("hex string expected, got unpadded hex of length " + hl);
  const array2 = new Uint8Array(al);
  for (let ai = 0, hi = 0; ai < al; ai++, hi += 2) {
    const n1 = asciiToBase16(hex.charCodeAt(hi));
    const n2 = asciiToBase16(hex.charCodeAt(hi + 1));
    if (n1 === void 0 || n2 === void 0) {
      const char = hex[hi] + hex[hi + 1];
      throw new RangeError('hex string expected, got non-hex character "' + char + '" at index ' + hi);
    }
    array2[ai] = n1 * 16 + n2;
  }
  return array2;
}
function overlapBytes(a, b) {
  if (!a.byteLength || !b.byteLength)
    return false;
  return a.buffer === b.buffer && // best we can do, may fail with an obscure Proxy
  a.byteOffset < b.byteOffset + b.byteLength && // a starts before b end
  b.byteOffset < a.byteOffset + a.byteLength;
}
function complexOverlapBytes(input, output) {
  if (overlapBytes(input, output) && input.byteOffset < output.byteOffset)
    throw new Error("complex overlap of input and output is not supported");
}
function concatBytes(...arrays) {
  let sum = 0;
  for (let i = 0; i < arrays.length; i++) {
    const a = arrays[i];
    abytes(a);
    sum += a.length;
  }
  const res = new Uint8Array(sum);
  for (let i = 0, pad = 0; i < arrays.length; i++) {
    const a = arrays[i];
    res.set(a, pad);
    pad += a.length;
  }
  return res;
}
function checkOpts(defaults, opts) {
  aobject(defaults, "defaults");
  aobject(opts, "opts");
  const merged = Object.assign(defaults, opts);
  return merged;
}
function equalBytes(a, b) {
  a = abytes(a);
  b = abytes(b);
  if (a.length !== b.length)
    return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++)
    diff |= a[i] ^ b[i];
  return diff === 0;
}
function wrapMacConstructor(keyLen, macCons, fromMsg) {
  const mac2 = macCons;
  const getArgs = fromMsg || (() => []);
  const macC = (msg, key) => mac2(key, ...getArgs(msg)).update(msg).digest();
  const tmp = mac2(new Uint8Array(keyLen), ...getArgs(new Uint8Array(0)));
  macC.outputLen = tmp.outputLen;
  macC.blockLen = tmp.blockLen;
  macC.create = (key, ...args) => mac2(key, ...args);
  return macC;
}
var wrapCipher = /* @__NO_SIDE_EFFECTS__ */ (params, constructor) => {
  function wrappedCipher(key, ...args) {
    abytes(key, void 0, "key");
    if (params.nonceLength !== void 0) {
      const nonce = args[0];
      abytes(nonce, params.varSizeNonce ? void 0 : params.nonceLength, "nonce");
    }
    const tagl = params.tagLength;
    const aadStart = params.nonceLength !== void 0 ? 1 : 0;
    if (!params.withAAD) {
      for (let i = aadStart; i < args.length; i++)
        if (isBytes(args[i]))
          throw new Error("AAD not supported");
    }
    if (params.withAAD && args[aadStart] !== void 0)
      abytes(args[aadStart], void 0, "AAD");
    const cipher = constructor(key, ...args);
    const checkOutput = (fnLength, output) => {
      if (output !== void 0) {
        if (fnLength !== 2)
          throw new Error("cipher output not supported");
        abytes(output, void 0, "output");
      }
    };
    let called = false;
    const wrCipher = {
      encrypt(data, output) {
        if (called)
          throw new Error("cannot encrypt() twice with same key + nonce");
        called = true;
        abytes(data, void 0, "data");
        checkOutput(cipher.encrypt.length, output);
        return cipher.encrypt(data, output);
      },
      decrypt(data, output) {
        abytes(data, void 0, "data");
        if (tagl && data.length < tagl)
          throw new Error('"ciphertext" expected length >= tagLength=' + tagl);
        checkOutput(cipher.decrypt.length, output);
        return cipher.decrypt(data, output);
      }
    };
    return wrCipher;
  }
  Object.assign(wrappedCipher, params);
  return wrappedCipher;
};
function getOutput(expectedLength, out, onlyAligned = true) {
  if (out === void 0)
    return new Uint8Array(expectedLength);
  abytes(out, expectedLength, "output");
  if (onlyAligned && !isAligned32(out))
    throw new Error("invalid output, must be aligned");
  return out;
}
function u64Lengths(dataLength, aadLength, isLE2) {
  anumber(dataLength);
  anumber(aadLength);
  abool(isLE2);
  const num = new Uint8Array(16);
  const view = createView(num);
  view.setBigUint64(0, BigInt(aadLength), isLE2);
  view.setBigUint64(8, BigInt(dataLength), isLE2);
  return num;
}
function isAligned32(bytes) {
  return bytes.byteOffset % 4 === 0;
}
function copyBytes(bytes) {
  return Uint8Array.from(abytes(bytes));
}
function randomBytes(bytesLength = 32) {
  anumber(bytesLength, "bytesLength");
  const cr = typeof globalThis === "object" ? globalThis.crypto : null;
  if (typeof cr?.getRandomValues !== "function")
    throw new Error("crypto.getRandomValues must be defined");
  if (bytesLength > 65536)
    throw new RangeError(`"bytesLength" expected <= 65536, got ${bytesLength}`);
  return cr.getRandomValues(new Uint8Array(bytesLength));
}
function managedNonce(fn, randomBytes_ = randomBytes) {
  if (typeof fn !== "function")
    throw new TypeError('"fn" expected cipher constructor, got type=' + typeof fn);
  if (typeof randomBytes_ !== "function")
    throw new TypeError('"randomBytes_" expected function, got type=' + typeof randomBytes_);
  const { nonceLength } = fn;
  anumber(nonceLength, "fn.nonceLength");
  const addNonce = (nonce, ciphertext, plaintext) => {
    const out = concatBytes(nonce, ciphertext);
    if (!overlapBytes(plaintext, ciphertext))
      ciphertext.fill(0);
    return out;
  };
  const res = ((key, ...args) => ({
    encrypt(plaintext) {
      abytes(plaintext, void 0, "data");
      const nonce = randomBytes_(nonceLength);
      const encrypted = fn(key, nonce, ...args).encrypt(plaintext);
      if (encrypted instanceof Promise)
        return encrypted.then((ct) => addNonce(nonce, ct, plaintext));
      return addNonce(nonce, encrypted, plaintext);
    },
    decrypt(ciphertext) {
      abytes(ciphertext, void 0, "data");
      const nonce = ciphertext.subarray(0, nonceLength);
      const decrypted = ciphertext.subarray(nonceLength);
      return fn(key, nonce, ...args).decrypt(decrypted);
    }
  }));
  if ("blockSize" in fn)
    res.blockSize = fn.blockSize;
  if ("tagLength" in fn)
    res.tagLength = fn.tagLength;
  if ("withAAD" in fn)
    res.withAAD = fn.withAAD;
  return res;
}

// node_modules/@noble/ciphers/_arx.js
var encodeStr = (str) => Uint8Array.from(str.split(""), (c) => c.charCodeAt(0));
var sigma16_32 = /* @__PURE__ */ (() => swap32IfBE(u32(encodeStr("expand 16-byte k"))))();
var sigma32_32 = /* @__PURE__ */ (() => swap32IfBE(u32(encodeStr("expand 32-byte k"))))();
function rotl(a, b) {
  return a << b | a >>> 32 - b;
}
var BLOCK_LEN = 64;
var BLOCK_LEN32 = 16;
var MAX_COUNTER = /* @__PURE__ */ (() => 2 ** 32 - 1)();
var U32_EMPTY = /* @__PURE__ */ Uint32Array.of();
function runCipher(core, sigma, key, nonce, data, output, counter, rounds) {
  const len = data.length;
  const block = new Uint8Array(BLOCK_LEN);
  const b32 = u32(block);
  const isAligned = isLE && isAligned32(data) && isAligned32(output);
  const d32 = isAligned ? u32(data) : U32_EMPTY;
  const o32 = isAligned ? u32(output) : U32_EMPTY;
  if (!isLE) {
    for (let pos = 0; pos < len; counter++) {
      core(sigma, key, nonce, b32, counter, rounds);
      swap32IfBE(b32);
      if (counter >= MAX_COUNTER)
        throw new Error("arx: counter overflow");
      const take = Math.min(BLOCK_LEN, len - pos);
      for (let j = 0, posj; j < take; j++) {
        posj = pos + j;
        output[posj] = data[posj] ^ block[j];
      }
      pos += take;
    }
    return;
  }
  for (let pos = 0; pos < len; counter++) {
    core(sigma, key, nonce, b32, counter, rounds);
    if (counter >= MAX_COUNTER)
      throw new Error("arx: counter overflow");
    const take = Math.min(BLOCK_LEN, len - pos);
    if (isAligned && take === BLOCK_LEN) {
      const pos32 = pos / 4;
      if (pos % 4 !== 0)
        throw new Error("arx: invalid block position");
      for (let j = 0, posj; j < BLOCK_LEN32; j++) {
        posj = pos32 + j;
        o32[posj] = d32[posj] ^ b32[j];
      }
      pos += BLOCK_LEN;
      continue;
    }
    for (let j = 0, posj; j < take; j++) {
      posj = pos + j;
      output[posj] = data[posj] ^ block[j];
    }
    pos += take;
  }
}
function createCipher(core, opts) {
  const { allowShortKeys, extendNonceFn, counterLength, counterRight, rounds } = checkOpts({ allowShortKeys: false, counterLength: 8, counterRight: false, rounds: 20 }, opts);
  if (typeof core !== "function")
    throw new Error("core must be a function");
  anumber(counterLength);
  anumber(rounds);
  abool(counterRight);
  abool(allowShortKeys);
  return (key, nonce, data, output, counter = 0) => {
    abytes(key, void 0, "key");
    abytes(nonce, void 0, "nonce");
    abytes(data, void 0, "data");
    const len = data.length;
    const hasOutput = output !== void 0;
    output = getOutput(len, output, false);
    if (hasOutput)
      complexOverlapBytes(data, output);
    anumber(counter);
    if (counter < 0 || counter >= MAX_COUNTER)
      throw new Error("arx: counter overflow");
    const toClean = [];
    let l = key.length;
    let k;
    let sigma;
    if (l === 32) {
      toClean.push(k = copyBytes(key));
      sigma = sigma32_32;
    } else if (l === 16 && allowShortKeys) {
      k = new Uint8Array(32);
      k.set(key);
      k.set(key, 16);
      sigma = sigma16_32;
      toClean.push(k);
    } else {
      abytes(key, 32, "arx key");
      throw new Error("invalid key size");
    }
    if (!isLE || !isAligned32(nonce))
      toClean.push(nonce = copyBytes(nonce));
    let k32 = u32(k);
    if (extendNonceFn) {
      if (nonce.length !== 24)
        throw new Error("arx: extended nonce must be 24 bytes");
      const n16 = nonce.subarray(0, 16);
      if (isLE)
        extendNonceFn(sigma, k32, u32(n16), k32);
      else {
        const sigmaRaw = swap32IfBE(Uint32Array.from(sigma));
        extendNonceFn(sigmaRaw, k32, u32(n16), k32);
        clean(sigmaRaw);
        swap32IfBE(k32);
      }
      nonce = nonce.subarray(16);
    } else if (!isLE)
      swap32IfBE(k32);
    const nonceNcLen = 16 - counterLength;
    if (nonceNcLen !== nonce.length)
      throw new Error(`arx: nonce must be ${nonceNcLen} or 16 bytes`);
    if (nonceNcLen !== 12) {
      const nc = new Uint8Array(12);
      nc.set(nonce, counterRight ? 0 : 12 - nonce.length);
      nonce = nc;
      toClean.push(nonce);
    }
    const n32 = swap32IfBE(u32(nonce));
    try {
      runCipher(core, sigma, k32, n32, data, output, counter, rounds);
      return output;
    } finally {
      clean(...toClean);
    }
  };
}

// node_modules/@noble/ciphers/_poly1305.js
function u8to16(a, i) {
  return a[i++] & 255 | (a[i++] & 255) << 8;
}
var Poly1305 = class {
  blockLen = 16;
  outputLen = 16;
  buffer = new Uint8Array(16);
  r = new Uint16Array(10);
  // Allocating 1 array with .subarray() here is slower than 3
  h = new Uint16Array(10);
  pad = new Uint16Array(8);
  pos = 0;
  finished = false;
  destroyed = false;
  // Can be speed-up using BigUint64Array, at the cost of complexity
  constructor(key) {
    key = copyBytes(abytes(key, 32, "key"));
    const t0 = u8to16(key, 0);
    const t1 = u8to16(key, 2);
    const t2 = u8to16(key, 4);
    const t3 = u8to16(key, 6);
    const t4 = u8to16(key, 8);
    const t5 = u8to16(key, 10);
    const t6 = u8to16(key, 12);
    const t7 = u8to16(key, 14);
    this.r[0] = t0 & 8191;
    this.r[1] = (t0 >>> 13 | t1 << 3) & 8191;
    this.r[2] = (t1 >>> 10 | t2 << 6) & 7939;
    this.r[3] = (t2 >>> 7 | t3 << 9) & 8191;
    this.r[4] = (t3 >>> 4 | t4 << 12) & 255;
    this.r[5] = t4 >>> 1 & 8190;
    this.r[6] = (t4 >>> 14 | t5 << 2) & 8191;
    this.r[7] = (t5 >>> 11 | t6 << 5) & 8065;
    this.r[8] = (t6 >>> 8 | t7 << 8) & 8191;
    this.r[9] = t7 >>> 5 & 127;
    for (let i = 0; i < 8; i++)
      this.pad[i] = u8to16(key, 16 + 2 * i);
  }
  process(data, offset, isLast = false) {
    const hibit = isLast ? 0 : 1 << 11;
    const { h, r } = this;
    const r0 = r[0];
    const r1 = r[1];
    const r2 = r[2];
    const r3 = r[3];
    const r4 = r[4];
    const r5 = r[5];
    const r6 = r[6];
    const r7 = r[7];
    const r8 = r[8];
    const r9 = r[9];
    const t0 = u8to16(data, offset + 0);
    const t1 = u8to16(data, offset + 2);
    const t2 = u8to16(data, offset + 4);
    const t3 = u8to16(data, offset + 6);
    const t4 = u8to16(data, offset + 8);
    const t5 = u8to16(data, offset + 10);
    const t6 = u8to16(data, offset + 12);
    const t7 = u8to16(data, offset + 14);
    let h0 = h[0] + (t0 & 8191);
    let h1 = h[1] + ((t0 >>> 13 | t1 << 3) & 8191);
    let h2 = h[2] + ((t1 >>> 10 | t2 << 6) & 8191);
    let h3 = h[3] + ((t2 >>> 7 | t3 << 9) & 8191);
    let h4 = h[4] + ((t3 >>> 4 | t4 << 12) & 8191);
    let h5 = h[5] + (t4 >>> 1 & 8191);
    let h6 = h[6] + ((t4 >>> 14 | t5 << 2) & 8191);
    let h7 = h[7] + ((t5 >>> 11 | t6 << 5) & 8191);
    let h8 = h[8] + ((t6 >>> 8 | t7 << 8) & 8191);
    let h9 = h[9] + (t7 >>> 5 | hibit);
    let c = 0;
    let d0 = c + h0 * r0 + h1 * (5 * r9) + h2 * (5 * r8) + h3 * (5 * r7) + h4 * (5 * r6);
    c = d0 >>> 13;
    d0 &= 8191;
    d0 += h5 * (5 * r5) + h6 * (5 * r4) + h7 * (5 * r3) + h8 * (5 * r2) + h9 * (5 * r1);
    c += d0 >>> 13;
    d0 &= 8191;
    let d1 = c + h0 * r1 + h1 * r0 + h2 * (5 * r9) + h3 * (5 * r8) + h4 * (5 * r7);
    c = d1 >>> 13;
    d1 &= 8191;
    d1 += h5 * (5 * r6) + h6 * (5 * r5) + h7 * (5 * r4) + h8 * (5 * r3) + h9 * (5 * r2);
    c += d1 >>> 13;
    d1 &= 8191;
    let d2 = c + h0 * r2 + h1 * r1 + h2 * r0 + h3 * (5 * r9) + h4 * (5 * r8);
    c = d2 >>> 13;
    d2 &= 8191;
    d2 += h5 * (5 * r7) + h6 * (5 * r6) + h7 * (5 * r5) + h8 * (5 * r4) + h9 * (5 * r3);
    c += d2 >>> 13;
    d2 &= 8191;
    let d3 = c + h0 * r3 + h1 * r2 + h2 * r1 + h3 * r0 + h4 * (5 * r9);
    c = d3 >>> 13;
    d3 &= 8191;
    d3 += h5 * (5 * r8) + h6 * (5 * r7) + h7 * (5 * r6) + h8 * (5 * r5) + h9 * (5 * r4);
    c += d3 >>> 13;
    d3 &= 8191;
    let d4 = c + h0 * r4 + h1 * r3 + h2 * r2 + h3 * r1 + h4 * r0;
    c = d4 >>> 13;
    d4 &= 8191;
    d4 += h5 * (5 * r9) + h6 * (5 * r8) + h7 * (5 * r7) + h8 * (5 * r6) + h9 * (5 * r5);
    c += d4 >>> 13;
    d4 &= 8191;
    let d5 = c + h0 * r5 + h1 * r4 + h2 * r3 + h3 * r2 + h4 * r1;
    c = d5 >>> 13;
    d5 &= 8191;
    d5 += h5 * r0 + h6 * (5 * r9) + h7 * (5 * r8) + h8 * (5 * r7) + h9 * (5 * r6);
    c += d5 >>> 13;
    d5 &= 8191;
    let d6 = c + h0 * r6 + h1 * r5 + h2 * r4 + h3 * r3 + h4 * r2;
    c = d6 >>> 13;
    d6 &= 8191;
    d6 += h5 * r1 + h6 * r0 + h7 * (5 * r9) + h8 * (5 * r8) + h9 * (5 * r7);
    c += d6 >>> 13;
    d6 &= 8191;
    let d7 = c + h0 * r7 + h1 * r6 + h2 * r5 + h3 * r4 + h4 * r3;
    c = d7 >>> 13;
    d7 &= 8191;
    d7 += h5 * r2 + h6 * r1 + h7 * r0 + h8 * (5 * r9) + h9 * (5 * r8);
    c += d7 >>> 13;
    d7 &= 8191;
    let d8 = c + h0 * r8 + h1 * r7 + h2 * r6 + h3 * r5 + h4 * r4;
    c = d8 >>> 13;
    d8 &= 8191;
    d8 += h5 * r3 + h6 * r2 + h7 * r1 + h8 * r0 + h9 * (5 * r9);
    c += d8 >>> 13;
    d8 &= 8191;
    let d9 = c + h0 * r9 + h1 * r8 + h2 * r7 + h3 * r6 + h4 * r5;
    c = d9 >>> 13;
    d9 &= 8191;
    d9 += h5 * r4 + h6 * r3 + h7 * r2 + h8 * r1 + h9 * r0;
    c += d9 >>> 13;
    d9 &= 8191;
    c = (c << 2) + c | 0;
    c = c + d0 | 0;
    d0 = c & 8191;
    c = c >>> 13;
    d1 += c;
    h[0] = d0;
    h[1] = d1;
    h[2] = d2;
    h[3] = d3;
    h[4] = d4;
    h[5] = d5;
    h[6] = d6;
    h[7] = d7;
    h[8] = d8;
    h[9] = d9;
  }
  finalize() {
    const { h, pad } = this;
    const g = new Uint16Array(10);
    let c = h[1] >>> 13;
    h[1] &= 8191;
    for (let i = 2; i < 10; i++) {
      h[i] += c;
      c = h[i] >>> 13;
      h[i] &= 8191;
    }
    h[0] += c * 5;
    c = h[0] >>> 13;
    h[0] &= 8191;
    h[1] += c;
    c = h[1] >>> 13;
    h[1] &= 8191;
    h[2] += c;
    g[0] = h[0] + 5;
    c = g[0] >>> 13;
    g[0] &= 8191;
    for (let i = 1; i < 10; i++) {
      g[i] = h[i] + c;
      c = g[i] >>> 13;
      g[i] &= 8191;
    }
    g[9] -= 1 << 13;
    let mask = (c ^ 1) - 1;
    for (let i = 0; i < 10; i++)
      g[i] &= mask;
    mask = ~mask;
    for (let i = 0; i < 10; i++)
      h[i] = h[i] & mask | g[i];
    h[0] = (h[0] | h[1] << 13) & 65535;
    h[1] = (h[1] >>> 3 | h[2] << 10) & 65535;
    h[2] = (h[2] >>> 6 | h[3] << 7) & 65535;
    h[3] = (h[3] >>> 9 | h[4] << 4) & 65535;
    h[4] = (h[4] >>> 12 | h[5] << 1 | h[6] << 14) & 65535;
    h[5] = (h[6] >>> 2 | h[7] << 11) & 65535;
    h[6] = (h[7] >>> 5 | h[8] << 8) & 65535;
    h[7] = (h[8] >>> 8 | h[9] << 5) & 65535;
    let f = h[0] + pad[0];
    h[0] = f & 65535;
    for (let i = 1; i < 8; i++) {
      f = (h[i] + pad[i] | 0) + (f >>> 16) | 0;
      h[i] = f & 65535;
    }
    clean(g);
  }
  update(data) {
    aexists(this);
    abytes(data);
    data = copyBytes(data);
    const { buffer, blockLen } = this;
    const len = data.length;
    for (let pos = 0; pos < len; ) {
      const take = Math.min(blockLen - this.pos, len - pos);
      if (take === blockLen) {
        for (; blockLen <= len - pos; pos += blockLen)
          this.process(data, pos);
        continue;
      }
      buffer.set(data.subarray(pos, pos + take), this.pos);
      this.pos += take;
      pos += take;
      if (this.pos === blockLen) {
        this.process(buffer, 0, false);
        this.pos = 0;
      }
    }
    return this;
  }
  destroy() {
    this.destroyed = true;
    clean(this.h, this.r, this.buffer, this.pad);
  }
  digestInto(out) {
    aexists(this);
    aoutput(out, this);
    this.finished = true;
    const { buffer, h } = this;
    let { pos } = this;
    if (pos) {
      buffer[pos++] = 1;
      for (; pos < 16; pos++)
        buffer[pos] = 0;
      this.process(buffer, 0, true);
    }
    this.finalize();
    let opos = 0;
    for (let i = 0; i < 8; i++) {
      out[opos++] = h[i] >>> 0;
      out[opos++] = h[i] >>> 8;
    }
  }
  digest() {
    const { buffer, outputLen } = this;
    this.digestInto(buffer);
    const res = buffer.slice(0, outputLen);
    this.destroy();
    return res;
  }
};
var poly1305 = /* @__PURE__ */ wrapMacConstructor(32, (key) => new Poly1305(key));

// node_modules/@noble/ciphers/chacha.js
function chachaCore(s, k, n2, out, cnt, rounds = 20) {
  let y00 = s[0], y01 = s[1], y02 = s[2], y03 = s[3], y04 = k[0], y05 = k[1], y06 = k[2], y07 = k[3], y08 = k[4], y09 = k[5], y10 = k[6], y11 = k[7], y12 = cnt, y13 = n2[0], y14 = n2[1], y15 = n2[2];
  let x00 = y00, x01 = y01, x02 = y02, x03 = y03, x04 = y04, x05 = y05, x06 = y06, x07 = y07, x08 = y08, x09 = y09, x10 = y10, x11 = y11, x12 = y12, x13 = y13, x14 = y14, x15 = y15;
  for (let r = 0; r < rounds; r += 2) {
    x00 = x00 + x04 | 0;
    x12 = rotl(x12 ^ x00, 16);
    x08 = x08 + x12 | 0;
    x04 = rotl(x04 ^ x08, 12);
    x00 = x00 + x04 | 0;
    x12 = rotl(x12 ^ x00, 8);
    x08 = x08 + x12 | 0;
    x04 = rotl(x04 ^ x08, 7);
    x01 = x01 + x05 | 0;
    x13 = rotl(x13 ^ x01, 16);
    x09 = x09 + x13 | 0;
    x05 = rotl(x05 ^ x09, 12);
    x01 = x01 + x05 | 0;
    x13 = rotl(x13 ^ x01, 8);
    x09 = x09 + x13 | 0;
    x05 = rotl(x05 ^ x09, 7);
    x02 = x02 + x06 | 0;
    x14 = rotl(x14 ^ x02, 16);
    x10 = x10 + x14 | 0;
    x06 = rotl(x06 ^ x10, 12);
    x02 = x02 + x06 | 0;
    x14 = rotl(x14 ^ x02, 8);
    x10 = x10 + x14 | 0;
    x06 = rotl(x06 ^ x10, 7);
    x03 = x03 + x07 | 0;
    x15 = rotl(x15 ^ x03, 16);
    x11 = x11 + x15 | 0;
    x07 = rotl(x07 ^ x11, 12);
    x03 = x03 + x07 | 0;
    x15 = rotl(x15 ^ x03, 8);
    x11 = x11 + x15 | 0;
    x07 = rotl(x07 ^ x11, 7);
    x00 = x00 + x05 | 0;
    x15 = rotl(x15 ^ x00, 16);
    x10 = x10 + x15 | 0;
    x05 = rotl(x05 ^ x10, 12);
    x00 = x00 + x05 | 0;
    x15 = rotl(x15 ^ x00, 8);
    x10 = x10 + x15 | 0;
    x05 = rotl(x05 ^ x10, 7);
    x01 = x01 + x06 | 0;
    x12 = rotl(x12 ^ x01, 16);
    x11 = x11 + x12 | 0;
    x06 = rotl(x06 ^ x11, 12);
    x01 = x01 + x06 | 0;
    x12 = rotl(x12 ^ x01, 8);
    x11 = x11 + x12 | 0;
    x06 = rotl(x06 ^ x11, 7);
    x02 = x02 + x07 | 0;
    x13 = rotl(x13 ^ x02, 16);
    x08 = x08 + x13 | 0;
    x07 = rotl(x07 ^ x08, 12);
    x02 = x02 + x07 | 0;
    x13 = rotl(x13 ^ x02, 8);
    x08 = x08 + x13 | 0;
    x07 = rotl(x07 ^ x08, 7);
    x03 = x03 + x04 | 0;
    x14 = rotl(x14 ^ x03, 16);
    x09 = x09 + x14 | 0;
    x04 = rotl(x04 ^ x09, 12);
    x03 = x03 + x04 | 0;
    x14 = rotl(x14 ^ x03, 8);
    x09 = x09 + x14 | 0;
    x04 = rotl(x04 ^ x09, 7);
  }
  let oi = 0;
  out[oi++] = y00 + x00 | 0;
  out[oi++] = y01 + x01 | 0;
  out[oi++] = y02 + x02 | 0;
  out[oi++] = y03 + x03 | 0;
  out[oi++] = y04 + x04 | 0;
  out[oi++] = y05 + x05 | 0;
  out[oi++] = y06 + x06 | 0;
  out[oi++] = y07 + x07 | 0;
  out[oi++] = y08 + x08 | 0;
  out[oi++] = y09 + x09 | 0;
  out[oi++] = y10 + x10 | 0;
  out[oi++] = y11 + x11 | 0;
  out[oi++] = y12 + x12 | 0;
  out[oi++] = y13 + x13 | 0;
  out[oi++] = y14 + x14 | 0;
  out[oi++] = y15 + x15 | 0;
}
function hchacha(s, k, i, out) {
  const s2 = isLE ? s : swap32IfBE(s.slice(0, 4));
  const k2 = isLE ? k : swap32IfBE(k.slice(0, 8));
  const i2 = isLE ? i : swap32IfBE(i.slice(0, 4));
  const t = new Uint32Array(16);
  chachaCore(s2, k2, i2.subarray(1), t, i2[0]);
  let oi = 0;
  out[oi++] = t[0] - s2[0] | 0;
  out[oi++] = t[1] - s2[1] | 0;
  out[oi++] = t[2] - s2[2] | 0;
  out[oi++] = t[3] - s2[3] | 0;
  out[oi++] = t[12] - i2[0] | 0;
  out[oi++] = t[13] - i2[1] | 0;
  out[oi++] = t[14] - i2[2] | 0;
  out[oi++] = t[15] - i2[3] | 0;
  swap32IfBE(out);
  if (!isLE)
    clean(s2, k2, i2);
  clean(t);
}
var xchacha20 = /* @__PURE__ */ createCipher(chachaCore, {
  counterRight: false,
  counterLength: 8,
  extendNonceFn: hchacha,
  allowShortKeys: false
});
var ZEROS16 = /* @__PURE__ */ new Uint8Array(16);
var updatePadded = (h, msg) => {
  h.update(msg);
  const leftover = msg.length % 16;
  if (leftover)
    h.update(ZEROS16.subarray(leftover));
};
var ZEROS32 = /* @__PURE__ */ new Uint8Array(32);
function computeTag(fn, key, nonce, ciphertext, AAD) {
  if (AAD !== void 0)
    abytes(AAD, void 0, "AAD");
  const authKey = fn(key, nonce, ZEROS32);
  const lengths = u64Lengths(ciphertext.length, AAD ? AAD.length : 0, true);
  const h = poly1305.create(authKey);
  if (AAD)
    updatePadded(h, AAD);
  updatePadded(h, ciphertext);
  h.update(lengths);
  const res = h.digest();
  clean(authKey, lengths);
  return res;
}
var _poly1305_aead = (xorStream) => (key, nonce, AAD) => {
  const tagLength = 16;
  return {
    encrypt(plaintext, output) {
      const plength = plaintext.length;
      output = getOutput(plength + tagLength, output, false);
      output.set(plaintext);
      const oPlain = output.subarray(0, -tagLength);
      xorStream(key, nonce, oPlain, oPlain, 1);
      const tag = computeTag(xorStream, key, nonce, oPlain, AAD);
      output.set(tag, plength);
      clean(tag);
      return output;
    },
    decrypt(ciphertext, output) {
      output = getOutput(ciphertext.length - tagLength, output, false);
      const data = ciphertext.subarray(0, -tagLength);
      const passedTag = ciphertext.subarray(-tagLength);
      const tag = computeTag(xorStream, key, nonce, data, AAD);
      if (!equalBytes(passedTag, tag)) {
        clean(tag);
        throw new Error("invalid tag");
      }
      output.set(ciphertext.subarray(0, -tagLength));
      xorStream(key, nonce, output, output, 1);
      clean(tag);
      return output;
    }
  };
};
var xchacha20poly1305 = /* @__PURE__ */ wrapCipher(
  { blockSize: 64, nonceLength: 24, tagLength: 16, withAAD: true },
  /* @__PURE__ */ _poly1305_aead(xchacha20)
);

// src/postgres/pg-access.ts
var pgModule = lazyRequire("pg");
function describeTarget(url2) {
  try {
    const u = new URL(url2);
    return `${u.hostname}:${u.port || "5432"}${u.pathname || "/"}`;
  } catch {
    return "the database";
  }
}
function createPgAccess(url2, opts) {
  let made;
  const poolOf = () => made ??= makePool(url2, opts);
  const target = describeTarget(url2);
  const withClient = async (signal, fn) => {
    await pgModule.soon();
    signal.throwIfAborted();
    const client = await raceAbort(poolOf().connect(), signal, (late) => late.release(true));
    const swallow = () => {
    };
    client.on("error", swallow);
    let destroyed = false;
    const onAbort = () => {
      destroyed = true;
      destroySocket(client);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    try {
      return await fn(client);
    } catch (err) {
      destroyed ||= isConnectionError(err);
      throw err;
    } finally {
      signal.removeEventListener("abort", onAbort);
      client.release(destroyed ? true : void 0);
      client.off("error", swallow);
    }
  };
  return {
    target,
    withClient,
    query: (signal, sql, params) => withClient(signal, (c) => c.query(sql, params)),
    close: () => made?.end() ?? Promise.resolve()
  };
}
function makePool(url2, opts) {
  const pool = new (pgModule()).Pool({
    connectionString: url2,
    max: opts.max ?? 4,
    idleTimeoutMillis: 3e4,
    connectionTimeoutMillis: opts.connectTimeoutMs,
    application_name: opts.applicationName ?? "ctx-ops",
    statement_timeout: 3e4,
    allowExitOnIdle: true
  });
  pool.on("error", (err) => opts.log.warn({ err: { message: err.message } }, "idle postgres connection failed"));
  return pool;
}
function destroySocket(client) {
  const stream = client.connection?.stream;
  stream?.destroy();
}
function isConnectionError(err) {
  const code = err.code;
  return !code || !/^[0-9A-Z]{5}$/.test(code) || code.startsWith("08") || code.startsWith("57P");
}
function raceAbort(p, signal, onLate) {
  if (signal.aborted) {
    p.then(
      (v) => onLate?.(v),
      () => {
      }
    );
    return Promise.reject(signal.reason);
  }
  return new Promise((resolve5, reject) => {
    let settled = false;
    const onAbort = () => {
      if (settled) return;
      settled = true;
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        if (settled) onLate?.(v);
        else {
          settled = true;
          resolve5(v);
        }
      },
      (e) => {
        signal.removeEventListener("abort", onAbort);
        if (!settled) {
          settled = true;
          reject(e);
        }
      }
    );
  });
}
function classifyPgError(err) {
  const code = err.code;
  const message = err.message ?? String(err);
  switch (code) {
    case "28P01":
    case "28000":
      return { kind: "auth", code, message };
    case "3D000":
      return { kind: "other", code, message: `database does not exist (${message})` };
    case "53300":
      return { kind: "other", code, message: `too many connections (${message})` };
    case "57P03":
      return { kind: "other", code, message: `the server is starting up or shutting down (${message})` };
  }
  if (/timeout exceeded when trying to connect|Connection terminated due to connection timeout/i.test(message)) {
    return { kind: "timeout", code, message: "no answer while connecting" };
  }
  if (/does not support SSL|SSL/i.test(message)) return { kind: "tls", code, message };
  return classifyError(err);
}

// src/diagnostics/ctx-tables.ts
async function missingTables(client, names) {
  const { rows } = await client.query(
    `SELECT n AS name, to_regclass(n) IS NOT NULL AS found FROM unnest($1::text[]) AS n`,
    [names]
  );
  return rows.filter((r) => !r.found).map((r) => r.name);
}
async function schemaExists(client, schema) {
  const { rows } = await client.query(
    `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS found`,
    [schema]
  );
  return rows[0]?.found === true;
}
function describeReadError(err, what, target) {
  const code = err.code;
  const message = err.message ?? String(err);
  if (code === "42501") {
    return `permission denied reading ${what} (${message}): grant the bot's role SELECT on it (see the least-privilege GRANTs in the docs)`;
  }
  if (code === "42P01" || code === "3F000") return `${what} does not exist (${message})`;
  return `cannot read ${what}: ${describeFailure(classifyPgError(err), target)}`;
}
function isStatementError(err) {
  const code = err.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && !code.startsWith("08") && !code.startsWith("57");
}
function quoteIdentifier(name) {
  return /^[a-zA-Z_]\w*$/.test(name) && Buffer.byteLength(name) <= 63 ? `"${name}"` : null;
}
async function repositoryLabels(client, ids) {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return /* @__PURE__ */ new Map();
  const missing = await missingTables(client, ["repositories", "organizations"]);
  if (missing.includes("repositories")) return /* @__PURE__ */ new Map();
  const org = missing.includes("organizations") ? "r.org_id" : "coalesce(o.slug, r.org_id)";
  const join3 = missing.includes("organizations") ? "" : "LEFT JOIN organizations o ON o.id = r.org_id";
  const { rows } = await client.query(
    `SELECT r.id, r.name, ${org} AS org FROM repositories r ${join3} WHERE r.id = ANY($1::text[])`,
    [wanted]
  );
  return new Map(rows.map((r) => [r.id, `${r.name} (org ${r.org})`]));
}

// src/diagnostics/signing-keys.ts
function parseBetterAuthSecrets(value) {
  if (!value?.trim()) return null;
  const out = /* @__PURE__ */ new Map();
  for (const raw of value.split(",")) {
    const entry = raw.trim();
    const colon = entry.indexOf(":");
    if (colon === -1) return { error: 'an entry is not "<version>:<secret>"' };
    const version2 = Number.parseInt(entry.slice(0, colon), 10);
    if (!Number.isInteger(version2) || version2 < 0) return { error: "an entry has no non-negative integer version" };
    const secret = entry.slice(colon + 1).trim();
    if (!secret) return { error: `version ${version2} has an empty secret` };
    out.set(version2, secret);
  }
  return out;
}
function sha256(secret) {
  return new Uint8Array(createHash("sha256").update(secret, "utf8").digest());
}
function opensWith(secret, hex) {
  if (!/^[0-9a-f]+$/i.test(hex) || hex.length % 2 !== 0 || hex.length < (24 + 16) * 2) return "malformed";
  const key = sha256(secret);
  let plain;
  try {
    plain = managedNonce(xchacha20poly1305)(key).decrypt(hexToBytes(hex));
    const jwk = JSON.parse(new TextDecoder().decode(plain));
    return typeof jwk === "object" && jwk !== null && "d" in jwk;
  } catch {
    return false;
  } finally {
    key.fill(0);
    plain?.fill(0);
  }
}
function openPrivateKey(stored, secrets) {
  let value;
  try {
    value = JSON.parse(stored);
  } catch {
    return { result: "malformed" };
  }
  if (value && typeof value === "object") return { result: "d" in value ? "not-encrypted" : "malformed" };
  if (typeof value !== "string") return { result: "malformed" };
  const envelope = /^\$ba\$(\d+)\$(.*)$/s.exec(value);
  if (envelope) {
    const version2 = Number.parseInt(envelope[1], 10);
    const secret = secrets.versions.get(version2);
    if (!secret) return { result: "no-secret-for-version", version: version2 };
    const ok2 = opensWith(secret, envelope[2]);
    return { result: ok2 === "malformed" ? "malformed" : ok2 ? "opens" : "wrong-secret", version: version2 };
  }
  if (!secrets.legacy) return { result: "wrong-secret" };
  const ok = opensWith(secrets.legacy, value);
  return { result: ok === "malformed" ? "malformed" : ok ? "opens" : "wrong-secret" };
}
var MAX_KEYS = 20;
async function readSigningKeys(client, secrets) {
  if ((await missingTables(client, ["jwkss"])).length)
    return { kind: "unavailable", reason: "table jwkss does not exist (ctx|'s migrations have not run?)" };
  const { rows } = await client.query(
    // The columns are timestamps without time zone holding UTC wall time (drizzle writes toISOString()).
    `SELECT id, private_key, created_at AT TIME ZONE 'UTC' AS created_at, coalesce(expires_at < (now() AT TIME ZONE 'UTC'), false) AS expired,
            count(*) OVER ()::int AS total
       FROM jwkss ORDER BY jwkss.created_at DESC LIMIT ${MAX_KEYS}`
  );
  if (!rows.length) return { kind: "no-keys" };
  const readings = rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    expired: r.expired,
    ...openPrivateKey(r.private_key, secrets)
  }));
  return {
    kind: "read",
    total: rows[0].total,
    latest: readings[0],
    opened: readings.filter((k) => k.result === "opens").length,
    read: readings.length
  };
}
function secretSetFor(ctx) {
  const parsed = parseBetterAuthSecrets(ctx.raw.BETTER_AUTH_SECRETS);
  if (parsed && "error" in parsed)
    return { error: `BETTER_AUTH_SECRETS is malformed (${parsed.error}; value not shown)` };
  if (!ctx.AUTH_SECRET && !parsed) return null;
  return { versions: parsed ?? /* @__PURE__ */ new Map(), legacy: ctx.AUTH_SECRET };
}
async function signingKeysEvidence(pg, ctx, signal) {
  const secrets = secretSetFor(ctx);
  if (secrets === null) return { kind: "no-secret" };
  if ("error" in secrets) return { kind: "unavailable", reason: secrets.error };
  if (!pg) return { kind: "unavailable", reason: "DATABASE_URL is not set here" };
  try {
    return await pg.withClient(signal, (c) => readSigningKeys(c, secrets));
  } catch (err) {
    if (signal.aborted) throw err;
    return { kind: "unavailable", reason: describeReadError(err, "table jwkss", pg.target) };
  }
}
function describeKey(k) {
  return `key ${k.id.slice(0, 12)} (created ${k.createdAt.toISOString().replace(/\.\d{3}Z$/, "Z")}${k.version !== void 0 ? `, envelope version ${k.version}` : ""}${k.expired ? ", expired" : ""})`;
}

// src/diagnostics/secret-evidence.ts
var TOKEN_CHECK_PATH = "/.ctx-ops/token-check";
async function codesearchAcceptance(http, c, orgId, signal) {
  if (!c.AUTH_SECRET) return { kind: "unknown", reason: "AUTH_SECRET is not set here" };
  const url2 = `${c.CODESEARCH_URL.replace(/\/+$/, "")}${TOKEN_CHECK_PATH}`;
  const token = await mintServiceToken(c.AUTH_SECRET, serviceTokenClaims(c, orgId));
  const out = await http.request(url2, {
    signal,
    headers: { accept: "application/json", authorization: `Bearer ${token}` }
  });
  if (!out.ok)
    return { kind: "unknown", reason: `codesearch did not answer (${describeFailure(out.failure, "CODESEARCH_URL")})` };
  if (out.res.status === 401) return { kind: "rejects" };
  if (out.res.status === 404 || out.res.status >= 200 && out.res.status < 300) return { kind: "accepts" };
  return { kind: "unknown", reason: `codesearch answered HTTP ${out.res.status}` };
}
function keysFact(e) {
  if (e.kind !== "read") return "unknown";
  switch (e.latest.result) {
    case "opens":
      return "opens";
    case "wrong-secret":
    case "no-secret-for-version":
      return "does-not-open";
    default:
      return "unknown";
  }
}
function secretVerdict(f) {
  if (f.backendDecryptFailure) return f.keys === "opens" ? "backend-differs-from-keys" : "backend-rotated";
  if (f.keys === "opens")
    return f.codesearch === "accepts" ? "consistent" : f.codesearch === "rejects" ? "codesearch-differs" : "keys-match";
  if (f.keys === "does-not-open")
    return f.codesearch === "accepts" ? "backend-rotated" : f.codesearch === "rejects" ? "ctx-ops-stale" : "keys-unmatched";
  return f.codesearch === "accepts" ? "codesearch-agrees" : f.codesearch === "rejects" ? "codesearch-rejects" : "unknown";
}
var VERDICT_EFFECT = {
  consistent: { status: "ok", runbook: null },
  "keys-match": { status: "ok", runbook: null },
  "codesearch-differs": { status: "info", runbook: null },
  "ctx-ops-stale": { status: "warn", runbook: null },
  "backend-rotated": { status: "fail", runbook: "auth-secret-changed" },
  "backend-differs-from-keys": { status: "fail", runbook: "sign-in-fails" },
  "keys-unmatched": { status: "warn", runbook: "sign-in-fails" },
  "codesearch-agrees": { status: "info", runbook: null },
  "codesearch-rejects": { status: "warn", runbook: null },
  unknown: { status: "info", runbook: null }
};
function keysWords(e) {
  switch (e.kind) {
    case "unavailable":
      return `the signing keys could not be read (${e.reason})`;
    case "no-secret":
      return "there is no AUTH_SECRET here to test the signing keys with";
    case "no-keys":
      return "table jwkss holds no signing key yet (the backend creates one on first use)";
    case "read": {
      const k = describeKey(e.latest);
      const others = e.read > 1 ? `; ${e.opened} of the ${e.read} keys read open with it` : "";
      switch (e.latest.result) {
        case "opens":
          return `ctx-ops's AUTH_SECRET opens the newest signing key in jwkss, ${k}, the one the backend signs with${others}`;
        case "wrong-secret":
          return `ctx-ops's AUTH_SECRET does not open the newest signing key in jwkss, ${k}: it was encrypted with another secret${others}`;
        case "no-secret-for-version":
          return `the newest signing key, ${k}, is a BETTER_AUTH_SECRETS envelope of version ${e.latest.version}, and this environment has no secret for that version`;
        case "not-encrypted":
          return `the newest signing key, ${k}, is stored unencrypted (disablePrivateKeyEncryption), so AUTH_SECRET does not matter for it`;
        default:
          return `the newest signing key, ${k}, is not in a format Better Auth writes`;
      }
    }
  }
}
function codesearchWords(a) {
  switch (a.kind) {
    case "accepts":
      return "codesearch accepts a token signed with it";
    case "rejects":
      return "codesearch rejects a token signed with it (401)";
    default:
      return `codesearch could not be asked (${a.reason})`;
  }
}
function verdictText(v, keys2, cs, source) {
  const seen = `${keysWords(keys2)}; ${codesearchWords(cs)}`;
  switch (v) {
    case "consistent":
      return `AUTH_SECRET agrees everywhere ctx-ops can see: ${seen}`;
    case "keys-match":
      return `AUTH_SECRET matches the backend's signing keys: ${seen}`;
    case "codesearch-differs":
      return `${seen}: so the backend's keys and ctx-ops agree and codesearch's AUTH_SECRET is the one that differs (see the codesearch check); sign-in is not affected`;
    case "ctx-ops-stale":
      return `ctx-ops's own copy of AUTH_SECRET (from ${source}) is not the deployment's: ${seen}. The backend's keys and codesearch agree with each other, not with ctx-ops: fix ctx-ops's configuration; nothing in ctx| needs changing`;
    case "backend-rotated":
      return `AUTH_SECRET was changed after the signing keys were made: ${seen}. A backend running with that value cannot sign anyone in ("Failed to decrypt private key" on get-session with a session, /token and the OAuth token endpoint). Restoring the previous AUTH_SECRET on backend, worker and codesearch repairs it without losing anything; otherwise the remedy is DELETE FROM jwkss and a backend restart, which signs everyone out and invalidates the tokens of every MCP client (runbook auth-secret-changed)`;
    case "backend-differs-from-keys":
      return `the backend answered "Failed to decrypt private key", yet ${keysWords(keys2)}: the backend runs with another AUTH_SECRET than the one its keys (and ctx-ops) have. Give the backend back the AUTH_SECRET ctx-ops has (${source}) and restart it; deleting the keys is not needed`;
    case "keys-unmatched":
      return `${seen}: either ctx-ops's copy (from ${source}) is stale, or AUTH_SECRET was changed on the backend after the keys were made. Sign in once in a browser: if that fails with "Failed to decrypt private key", the backend's copy changed (runbook auth-secret-changed); if it works, fix ctx-ops's configuration`;
    case "codesearch-agrees":
      return `${seen}; the signing keys could not be compared, so this is the only check of AUTH_SECRET`;
    case "codesearch-rejects":
      return `${seen}, and the signing keys could not be compared: either ctx-ops's copy (from ${source}) or codesearch's differs from the backend's; give ctx-ops read access to jwkss (GRANT SELECT ON jwkss) to tell which`;
    case "unknown":
      return `AUTH_SECRET could not be compared with the deployment: ${seen}`;
  }
}

// src/diagnostics/secret-fingerprints.ts
import { createHmac, randomBytes as randomBytes2 } from "node:crypto";
var UNSET = "unset";
function fingerprintVerdict(s, now, warnHours) {
  if (s.isNew) return "first";
  if (!s.changedAt) return "stable";
  return now.getTime() - s.changedAt.getTime() < warnHours * 36e5 ? "changed-recently" : "changed-earlier";
}
function computeFingerprint(key, environment, name, value) {
  if (value === void 0) return UNSET;
  return createHmac("sha256", key).update(`ctx-ops/secret-fingerprint/v1\0${environment}\0${name}\0${value}`).digest("hex").slice(0, 32);
}
function keyId(key) {
  return createHmac("sha256", key).update("ctx-ops/fingerprint-key-id/v1").digest("hex").slice(0, 8);
}
var keys = /* @__PURE__ */ new WeakMap();
function installationKey(store) {
  let p = keys.get(store);
  if (!p) {
    p = (async () => {
      await store.query("INSERT INTO ctx_ops.fingerprint_key (id, key) VALUES (1, $1) ON CONFLICT (id) DO NOTHING", [
        randomBytes2(32)
      ]);
      const { rows } = await store.query("SELECT key FROM ctx_ops.fingerprint_key WHERE id = 1");
      if (!rows[0]) throw new Error("ctx_ops.fingerprint_key has no key");
      return rows[0].key;
    })();
    p.catch(() => keys.delete(store));
    keys.set(store, p);
  }
  return p;
}
var toState = (name, r, isNew, rekeyed = false) => ({
  name,
  isNew,
  rekeyed,
  isSet: r.fingerprint !== UNSET,
  firstSeenAt: r.first_seen_at,
  lastSeenAt: r.last_seen_at,
  changedAt: r.changed_at,
  previousLastSeenAt: r.previous_last_seen_at,
  previousSet: r.previous_set
});
async function observeSecret(store, environment, name, value, now) {
  const key = await installationKey(store);
  const fp = computeFingerprint(key, environment, name, value);
  const kid = keyId(key);
  return store.tx(async (c) => {
    const inserted = await c.query(
      `INSERT INTO ctx_ops.secret_fingerprints (environment, name, fingerprint, key_id, first_seen_at, last_seen_at)
       VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (environment, name) DO NOTHING RETURNING *`,
      [environment, name, fp, kid, now]
    );
    if (inserted.rows[0]) return toState(name, inserted.rows[0], true);
    const { rows } = await c.query(
      "SELECT * FROM ctx_ops.secret_fingerprints WHERE environment = $1 AND name = $2 FOR UPDATE",
      [environment, name]
    );
    const prev = rows[0];
    const update = (sql, params) => c.query(`UPDATE ctx_ops.secret_fingerprints SET ${sql} WHERE environment = $1 AND name = $2 RETURNING *`, [
      environment,
      name,
      ...params
    ]);
    if (prev.key_id !== kid) {
      const r2 = await update(
        "fingerprint = $3, key_id = $4, first_seen_at = $5, last_seen_at = $5, changed_at = NULL, previous_last_seen_at = NULL, previous_set = NULL",
        [fp, kid, now]
      );
      return toState(name, r2.rows[0], true, true);
    }
    if (prev.fingerprint === fp) {
      const r2 = await update("last_seen_at = greatest(last_seen_at, $3)", [now]);
      return toState(name, r2.rows[0], false);
    }
    const r = await update(
      "fingerprint = $3, first_seen_at = $4, last_seen_at = $4, changed_at = $4, previous_last_seen_at = $5, previous_set = $6",
      [fp, now, prev.last_seen_at, prev.fingerprint !== UNSET]
    );
    return toState(name, r.rows[0], false);
  });
}

// src/diagnostics/checks/auth.ts
var PROVIDERS = {
  github: "GITHUB",
  google: "GOOGLE",
  microsoft: "MICROSOFT",
  atlassian: "ATLASSIAN"
};
function authSecretStrength(value) {
  if (!value) return "missing";
  return value.length < 32 ? "short" : "ok";
}
function encryptionKeyStatus(value) {
  if (value === void 0 || value.trim() === "") return "unset";
  return /^[0-9a-fA-F]{64}$/.test(value.trim()) ? "ok" : "malformed";
}
function baseUrlRules(raw) {
  if (!URL.canParse(raw)) return [{ status: "fail", text: "AUTH_BASE_URL is not a valid URL" }];
  const u = new URL(raw);
  if (u.protocol !== "http:" && u.protocol !== "https:")
    return [{ status: "fail", text: `AUTH_BASE_URL must be http(s), not ${u.protocol}//` }];
  const out = [];
  if (raw.endsWith("/")) {
    out.push({
      status: "fail",
      text: `AUTH_BASE_URL ends with "/" (${raw}): upstream builds the MCP resource as \${AUTH_BASE_URL}/mcp, so it becomes \u2026//mcp and MCP OAuth fails; remove the trailing slash`
    });
  } else {
    out.push({ status: "ok", text: `AUTH_BASE_URL ${raw} is a valid URL without a trailing slash` });
  }
  if (u.protocol === "https:") out.push({ status: "ok", text: "AUTH_BASE_URL uses https" });
  else if (isLoopbackHost(u.hostname))
    out.push({
      status: "ok",
      text: `AUTH_BASE_URL uses http on loopback (${u.hostname}): fine for a local deployment only`
    });
  else {
    out.push({
      status: "fail",
      text: `AUTH_BASE_URL uses http on ${u.hostname}: browsers drop secure session cookies, OAuth providers refuse http callback URLs and MCP clients require https; serve the backend over https`
    });
  }
  return out;
}
function originVerdict(publicUrl, baseUrl, allowedOrigins) {
  const origin = new URL(publicUrl).origin;
  if (origin === new URL(baseUrl).origin) return "same";
  return parseAllowedOrigins(allowedOrigins).includes(origin) ? "allowed" : "rejected";
}
function parseAllowedOrigins(value) {
  return (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}
function unusableOrigins(value) {
  return parseAllowedOrigins(value).filter((o) => !URL.canParse(o) || new URL(o).origin !== o);
}
function sessionVerdict(status, body) {
  if (status === 200 && body.trim() === "null") return "healthy";
  if (status === 500 && /failed to decrypt private key/i.test(body)) return "secret-changed";
  if (status === 500 && /failed to get session/i.test(body)) return "session-store";
  return "unexpected";
}
var shortBody = (text) => {
  const one = text.trim().replace(/\s+/g, " ");
  return one.length > 120 ? `${one.slice(0, 120)}\u2026` : one || "(empty body)";
};
var authCheck = {
  id: "auth",
  title: "Sign-in",
  dependsOn: ["backend"],
  options: { secretChangeWarnHours: number2().positive().default(24) },
  async run(ctx, signal) {
    const f = findings();
    const reasons = [];
    let runbook;
    let liveFailure = false;
    const problem = (status, detail, reason, book = "sign-in-fails", opts = {}) => {
      f[status](detail);
      if (status === "fail" && opts.live) liveFailure = true;
      reasons.push({ rank: opts.lead && status === "fail" ? 0 : status === "fail" ? 1 : 2, text: reason });
      if (book && (!runbook || book === "auth-secret-changed")) runbook = book;
    };
    const env = ctx.env;
    const live = Promise.all([
      probeProviders(ctx.http, env, signal),
      probeSession(ctx.http, env, signal),
      probeJwks(ctx.http, env, signal),
      codesearchAcceptance(ctx.http, env.ctx, CODESEARCH_PROBE_ORG, signal)
    ]);
    const keys2 = signingKeysEvidence(ctx.pg, env.ctx, signal);
    const stability = ctx.store ? withinBudget(observeBoth(ctx, env), Math.round(ctx.options.timeoutMs * 0.6)) : null;
    staticRules(env, f, problem);
    const [providers, session, jwks, codesearch] = await live;
    reportProviders(env, providers, f, problem);
    const { decryptFailure } = reportSession(session, f, problem);
    reportJwks(jwks, f, problem);
    const verdict = reportSecretEvidence(env, await keys2, codesearch, decryptFailure, f, problem);
    await reportStability(ctx, stability, verdict !== "unknown", f, problem);
    const lead = [...reasons].sort((a, b) => a.rank - b.rank)[0];
    const summary = lead ? `${lead.text}${reasons.length > 1 ? ` (+${reasons.length - 1} more)` : ""}` : `sign-in configured${providers.ok ? `: ${providers.names.length ? providers.names.join(", ") : "e-mail and password only"}` : ""}`;
    const out = f.done(summary, runbook && f.status !== "ok" ? { runbook } : {});
    return f.status === "fail" && !liveFailure ? { ...out, independent: true } : out;
  }
};
var CODESEARCH_PROBE_ORG = "ctx-ops-probe";
function staticRules(env, f, problem) {
  const c = env.ctx;
  const strength = authSecretStrength(c.AUTH_SECRET);
  if (strength === "missing")
    problem("fail", "AUTH_SECRET is not set: the backend refuses to start without it", "AUTH_SECRET not set");
  else if (strength === "short")
    problem(
      "fail",
      "AUTH_SECRET is shorter than the 32 characters ctx| requires (value not shown): the backend refuses to start",
      "AUTH_SECRET too short"
    );
  else f.ok("AUTH_SECRET is set and at least 32 characters long (value not shown)");
  for (const r of baseUrlRules(c.AUTH_BASE_URL)) {
    if (r.status === "ok" || r.status === "info") f[r.status](r.text);
    else
      problem(
        r.status,
        r.text,
        /trailing slash/.test(r.text) ? "AUTH_BASE_URL has a trailing slash" : "AUTH_BASE_URL is not usable"
      );
  }
  if (URL.canParse(c.AUTH_BASE_URL) && URL.canParse(env.publicUrl)) {
    const origin = new URL(env.publicUrl).origin;
    const verdict = originVerdict(env.publicUrl, c.AUTH_BASE_URL, c.AUTH_ALLOWED_ORIGINS);
    if (verdict === "same") f.ok(`the browser origin ${origin} is AUTH_BASE_URL's origin`);
    else if (verdict === "allowed")
      f.ok(`the browser origin ${origin} differs from AUTH_BASE_URL's but is listed in AUTH_ALLOWED_ORIGINS`);
    else {
      problem(
        "fail",
        `people open ${origin} (publicUrl) but AUTH_BASE_URL's origin is ${new URL(c.AUTH_BASE_URL).origin} and AUTH_ALLOWED_ORIGINS does not list it: sign-in from the browser is rejected; set AUTH_BASE_URL to the public origin or add ${origin} to AUTH_ALLOWED_ORIGINS`,
        `browser origin ${origin} not trusted`
      );
    }
  }
  const unusable = unusableOrigins(c.AUTH_ALLOWED_ORIGINS);
  if (unusable.length) {
    problem(
      "warn",
      `AUTH_ALLOWED_ORIGINS has entries that are not bare origins and never match: ${unusable.join(", ")} (write scheme://host[:port], no path or trailing slash)`,
      "AUTH_ALLOWED_ORIGINS has unusable entries"
    );
  }
  const key = encryptionKeyStatus(c.CONNECTION_SECRETS_ENCRYPTION_KEY);
  if (key === "ok") f.ok("CONNECTION_SECRETS_ENCRYPTION_KEY is 64 hex characters (value not shown)");
  else if (key === "malformed") {
    problem(
      "fail",
      "CONNECTION_SECRETS_ENCRYPTION_KEY is set but is not 64 hex characters (value not shown): the backend fails whenever it encrypts or decrypts connector credentials",
      "CONNECTION_SECRETS_ENCRYPTION_KEY malformed"
    );
  } else {
    f.info(
      "CONNECTION_SECRETS_ENCRYPTION_KEY is not set: connector credentials are encrypted with a key derived from AUTH_SECRET, so changing AUTH_SECRET also makes them unreadable"
    );
  }
}
async function probeProviders(http, env, signal) {
  const url2 = backendUrl(env, "/.auth/api/config");
  const out = await http.request(url2, { signal, headers: { accept: "application/json" } });
  if (!out.ok) return { ok: false, detail: describeFailure(out.failure, url2) };
  const body = tryJson(out.res.text);
  if (out.res.status !== 200 || !body || !Array.isArray(body.providers)) {
    return {
      ok: false,
      detail: `GET /.auth/api/config answered HTTP ${out.res.status} ${shortBody(out.res.text)}, not {"providers":[...]}`
    };
  }
  return { ok: true, names: body.providers.filter((p) => typeof p === "string"), ms: out.res.ms };
}
function reportProviders(env, p, f, problem) {
  if (!p.ok) {
    problem("fail", `cannot list the sign-in providers: ${p.detail}`, "sign-in provider list unavailable", void 0, {
      live: true
    });
    return;
  }
  const base = backendBase(env);
  if (!p.names.length)
    f.ok(`GET /.auth/api/config \u2192 no social provider enabled: e-mail and password sign-in only (${ms(p.ms)})`);
  else f.ok(`GET /.auth/api/config \u2192 enabled providers: ${p.names.join(", ")} (${ms(p.ms)})`);
  for (const name of p.names) f.info(`${name}: register the callback URL ${base}/.auth/api/v1/auth/callback/${name}`);
  const raw = env.ctx.raw;
  for (const [name, prefix] of Object.entries(PROVIDERS)) {
    const configured = Boolean(raw[`${prefix}_CLIENT_ID`]?.trim() && raw[`${prefix}_CLIENT_SECRET`]?.trim());
    if (configured && !p.names.includes(name)) {
      problem(
        "warn",
        `${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET are set in ${env.source} but the running backend does not enable ${name}: the backend container does not receive them (upstream's Compose file passes only some variables) or was not restarted`,
        `${name} sign-in configured but not enabled`
      );
    }
  }
}
async function probeSession(http, env, signal) {
  const url2 = backendUrl(env, "/.auth/api/v1/auth/get-session");
  const out = await http.request(url2, { signal, headers: { accept: "application/json" } });
  if (!out.ok) return { ok: false, detail: describeFailure(out.failure, url2) };
  return { ok: true, status: out.res.status, text: out.res.text, ms: out.res.ms };
}
function reportSession(s, f, problem) {
  if (!s.ok) {
    problem("fail", `cannot reach the session endpoint: ${s.detail}`, "session endpoint unreachable", void 0, {
      live: true
    });
    return { decryptFailure: false };
  }
  const verdict = sessionVerdict(s.status, s.text);
  const seen = `GET /.auth/api/v1/auth/get-session \u2192 ${s.status} ${shortBody(s.text)}`;
  switch (verdict) {
    case "healthy":
      f.ok(
        `${seen} without a cookie: Better Auth's routes answer (${ms(s.ms)}; this path reads no session and no key)`
      );
      return { decryptFailure: false };
    case "secret-changed":
      f.fail(`${seen}: the backend cannot decrypt its signing keys with the AUTH_SECRET it runs with`);
      return { decryptFailure: true };
    case "session-store":
      problem(
        "fail",
        `${seen}: the backend cannot read sessions, usually because it cannot reach Postgres (it recovers by itself once Postgres is back)`,
        "backend cannot read sessions",
        void 0,
        { live: true }
      );
      return { decryptFailure: false };
    default:
      problem("fail", `${seen}: expected 200 null`, `get-session answered HTTP ${s.status}`, void 0, { live: true });
      return { decryptFailure: false };
  }
}
var JWKS_PATH = "/.auth/api/v1/auth/jwks";
async function probeJwks(http, env, signal) {
  const url2 = backendUrl(env, JWKS_PATH);
  const out = await http.request(url2, { signal, headers: { accept: "application/json" } });
  if (!out.ok) return { ok: false, detail: describeFailure(out.failure, url2) };
  return { ok: true, status: out.res.status, text: out.res.text, ms: out.res.ms };
}
function jwksVerdict(status, body) {
  if (status >= 500) return "unreadable";
  if (status === 404) return "no-route";
  if (status !== 200) return "unexpected";
  const keys2 = tryJson(body)?.keys;
  if (!Array.isArray(keys2)) return "unexpected";
  return keys2.length ? "ok" : "no-keys";
}
function reportJwks(p, f, problem) {
  if (!p.ok) {
    problem("fail", `cannot reach the signing keys (JWKS): ${p.detail}`, "JWKS endpoint unreachable", void 0, {
      live: true
    });
    return;
  }
  const seen = `GET ${JWKS_PATH} \u2192 ${p.status} ${p.status === 200 ? "" : shortBody(p.text)}`.trimEnd();
  switch (jwksVerdict(p.status, p.text)) {
    case "ok": {
      const n2 = (tryJson(p.text).keys ?? []).length;
      f.ok(
        `${seen} with ${n2} public key${n2 === 1 ? "" : "s"} (${ms(p.ms)}): the backend reads its signing keys from Postgres (table jwkss)`
      );
      return;
    }
    case "unreadable":
      problem(
        "fail",
        `${seen}: the backend cannot read its signing keys from Postgres (table jwkss), so signing in, issuing MCP tokens and validating them all fail. Its database is gone or unreachable, or its connection pool was closed (upstream's SIGTERM handler closes it and keeps serving /.status)`,
        "the backend cannot read its signing keys (JWKS answers 500)",
        void 0,
        { live: true, lead: true }
      );
      return;
    case "no-route":
      problem(
        "fail",
        `${seen}: no JWKS route under /.auth/api/v1/auth; is AUTH_BASE_URL the ctx| backend (with Better Auth's jwt plugin)?`,
        "no JWKS route",
        void 0,
        { live: true }
      );
      return;
    case "no-keys":
      problem(
        "warn",
        `${seen} with no key: Better Auth creates one on this request, so an empty set means it could not`,
        "JWKS has no key",
        void 0,
        { live: true }
      );
      return;
    default:
      problem(
        "fail",
        `${seen} ${shortBody(p.text)}: expected {"keys":[...]}`,
        `JWKS answered HTTP ${p.status}`,
        void 0,
        { live: true }
      );
  }
}
function reportSecretEvidence(env, keys2, codesearch, decryptFailure, f, problem) {
  if (keys2.kind === "no-secret") return "unknown";
  const verdict = secretVerdict({
    keys: keysFact(keys2),
    codesearch: codesearch.kind,
    backendDecryptFailure: decryptFailure
  });
  const text = verdictText(verdict, keys2, codesearch, env.source);
  const effect = VERDICT_EFFECT[verdict];
  const reason = {
    consistent: "",
    "keys-match": "",
    "codesearch-differs": "",
    "ctx-ops-stale": "ctx-ops's copy of AUTH_SECRET is stale",
    "backend-rotated": "AUTH_SECRET changed after the signing keys were made",
    "backend-differs-from-keys": "the backend's AUTH_SECRET differs from its signing keys'",
    "keys-unmatched": "ctx-ops's AUTH_SECRET does not open the signing keys",
    "codesearch-agrees": "",
    "codesearch-rejects": "codesearch rejects ctx-ops's AUTH_SECRET",
    unknown: ""
  };
  if (effect.status === "ok") f.ok(text);
  else if (effect.status === "info") f.info(text);
  else
    problem(effect.status, text, reason[verdict], effect.runbook, {
      lead: verdict === "backend-rotated" || verdict === "backend-differs-from-keys",
      live: decryptFailure
    });
  if (keys2.kind === "read" && keys2.latest.result === "not-encrypted")
    f.info(
      "the signing keys are stored unencrypted in jwkss: a changed AUTH_SECRET does not affect them, but anyone who can read the table can sign tokens"
    );
  return verdict;
}
function withinBudget(p, budgetMs2) {
  let timer;
  const late = new Promise((resolve5) => {
    timer = setTimeout(() => resolve5(new Error(`no answer within ${budgetMs2} ms`)), budgetMs2);
  });
  return Promise.race([p.catch((err) => err instanceof Error ? err : new Error(String(err))), late]).finally(
    () => clearTimeout(timer)
  );
}
var SECRETS = ["AUTH_SECRET", "CONNECTION_SECRETS_ENCRYPTION_KEY"];
function observeBoth(ctx, env) {
  const now = ctx.now();
  const value = (name) => {
    const v = env.ctx[name];
    if (v === void 0 || v === "") return void 0;
    return name === "CONNECTION_SECRETS_ENCRYPTION_KEY" && encryptionKeyStatus(v) === "ok" ? v.trim().toLowerCase() : v;
  };
  return Promise.all(SECRETS.map((name) => observeSecret(ctx.store, env.name, name, value(name), now)));
}
async function reportStability(ctx, pending, evidenceDecided, f, problem) {
  if (!pending) {
    f.info(
      "secret fingerprints are not tracked: the bot has no store (set CTX_OPS_DATABASE_URL or store.databaseUrl), so a change of ctx-ops's copy of a secret is not dated"
    );
    return;
  }
  const states = await pending;
  if (states instanceof Error) {
    ctx.log.warn({ err: { message: states.message } }, "secret fingerprints unavailable");
    f.info(`secret fingerprints could not be compared: the bot's store is unavailable (${states.message})`);
    return;
  }
  const now = ctx.now();
  const when = (d) => d ? d.toISOString().replace(/\.\d{3}Z$/, "Z") : "unknown";
  for (const s of states) {
    const verdict = fingerprintVerdict(s, now, ctx.options.secretChangeWarnHours);
    const state = s.isSet ? "set" : "not set";
    if (verdict === "first") {
      f.info(
        `${s.name} (${state}): first sighting${s.rekeyed ? " under a new fingerprint key" : ""}, keyed fingerprint recorded; later changes will be reported`
      );
    } else if (verdict === "stable") {
      f.ok(`${s.name} unchanged (${state}) since ${when(s.firstSeenAt)}`);
    } else {
      const what = s.previousSet && s.isSet ? "changed" : s.previousSet ? "was removed (now not set)" : "was set (it was not set before)";
      const text = `${s.name} ${what} at ${when(s.changedAt)} in ctx-ops's configuration (${ctx.env.source}): the previous value was last seen the same at ${when(s.previousLastSeenAt)}`;
      if (verdict === "changed-earlier") {
        f.info(`${text} (more than ${ctx.options.secretChangeWarnHours} h ago)`);
      } else if (s.name === "AUTH_SECRET" && evidenceDecided) {
        f.info(
          `${text}; the evidence above (signing keys, codesearch) shows whether the deployment agrees with the new value`
        );
      } else if (s.name === "AUTH_SECRET") {
        problem(
          "warn",
          `${text}; ctx-ops could not compare the new value with the backend's signing keys or with codesearch, so it cannot tell whether the deployment changed too. If sign-in now fails with "Failed to decrypt private key", the backend's copy changed (runbook auth-secret-changed); backend, worker and codesearch must share one value`,
          "AUTH_SECRET changed here and could not be verified",
          "sign-in-fails"
        );
      } else {
        problem(
          "warn",
          `${text}; backend and worker must share it, and connector credentials encrypted with the old key become unreadable until re-entered`,
          `${s.name} changed`,
          null
        );
      }
    }
  }
}

// src/diagnostics/oauth-discovery.ts
function isSecureHttpUrl(value) {
  if (typeof value !== "string" || !URL.canParse(value)) return false;
  const u = new URL(value);
  return u.protocol === "https:" || u.protocol === "http:" && isLoopbackHost(u.hostname);
}
function resourceMetadataFromChallenge(challenge) {
  if (!challenge) return void 0;
  const m = /resource_metadata=(?:"((?:\\.|[^"])*)"|([^,\s]+))/i.exec(challenge);
  const value = m?.[1] ?? m?.[2];
  return value?.replace(/\\"/g, '"').replace(/\\\\/g, "\\");
}
function isBearerChallenge(challenge) {
  return /^\s*bearer\b/i.test(challenge ?? "");
}
function authorizationServerMetadataUrls(issuer) {
  const u = new URL(issuer);
  const path2 = u.pathname === "/" ? "" : u.pathname.replace(/\/$/, "");
  const at = (p) => `${u.origin}${p}`;
  const urls = [at(`/.well-known/oauth-authorization-server${path2}`), at(`/.well-known/openid-configuration${path2}`)];
  if (path2) urls.push(at(`${path2}/.well-known/openid-configuration`));
  return urls;
}
function reviewProtectedResource(body, expectedResource) {
  const problems = [];
  const doc = body && typeof body === "object" ? body : void 0;
  if (!doc) return { authorizationServers: [], problems: ["the answer is not a JSON object"] };
  const resource = typeof doc.resource === "string" ? doc.resource : void 0;
  if (!resource) problems.push("it has no `resource`");
  else if (resource !== expectedResource) problems.push(`\`resource\` is ${resource}, expected ${expectedResource}`);
  const listed = Array.isArray(doc.authorization_servers) ? doc.authorization_servers : [];
  const authorizationServers = listed.filter(isSecureHttpUrl);
  if (!listed.length) problems.push("it lists no `authorization_servers`");
  else if (!authorizationServers.length)
    problems.push("none of its `authorization_servers` is an https (or loopback http) URL");
  return { resource, authorizationServers, problems };
}
var REQUIRED_ENDPOINTS = ["authorization_endpoint", "token_endpoint", "registration_endpoint"];
function reviewAuthServerMetadata(body, expectedIssuer) {
  const doc = body && typeof body === "object" ? body : void 0;
  if (!doc) return { missing: ["the answer is not a JSON object"], concerns: [] };
  const missing = [];
  const concerns = [];
  if (typeof doc.issuer !== "string") missing.push("`issuer`");
  else if (doc.issuer !== expectedIssuer)
    missing.push(`\`issuer\` ${doc.issuer} (the protected resource names ${expectedIssuer})`);
  for (const key of REQUIRED_ENDPOINTS) {
    if (!(key in doc)) missing.push(`\`${key}\``);
    else if (!isSecureHttpUrl(doc[key])) missing.push(`a usable \`${key}\` (got ${JSON.stringify(doc[key])})`);
  }
  const pkce = doc.code_challenge_methods_supported;
  if (!Array.isArray(pkce) || !pkce.includes("S256")) {
    concerns.push(
      "`code_challenge_methods_supported` does not list S256: MCP clients require PKCE with S256 and may refuse to sign in"
    );
  }
  return { missing, concerns };
}

// src/diagnostics/checks/mcp.ts
var DEFAULT_PROBE_ORG = "ctx-ops-probe";
var INITIALIZE = JSON.stringify({
  jsonrpc: "2.0",
  id: "ctx-ops",
  method: "initialize",
  params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "ctx-ops", version: "1" } }
});
var MCP_HEADERS = { accept: "application/json, text/event-stream", "content-type": "application/json" };
function mcpVerdict(statuses) {
  if (statuses.includes("fail")) return "failed";
  return statuses.includes("warn") ? "warning" : "ready-for-oauth";
}
function missingOrgVerdict(status, body) {
  if (status === 403) return "origin-rejected";
  if (status === 404) return "no-route";
  const err = tryJson(body)?.error;
  return status === 400 && err?.code === -32600 ? "ok" : "unexpected";
}
var mcpCheck = {
  id: "mcp",
  title: "MCP / OAuth",
  dependsOn: ["backend"],
  async run(ctx, signal) {
    const f = findings();
    const reasons = [];
    let runbook;
    const fail = (detail, reason, book) => {
      f.fail(detail);
      reasons.push(reason);
      runbook ??= book;
    };
    const warn = (detail, reason) => {
      f.warn(detail);
      reasons.push(reason);
    };
    const env = ctx.env;
    const base = backendBase(env);
    const http = ctx.http;
    targetRules(env, f, fail);
    await probeMissingOrg(http, env, signal, f, fail, warn);
    const metadataUrl = await probeChallenge(http, env, signal, f, fail);
    const servers = metadataUrl ? await probeProtectedResource(http, env, metadataUrl, signal, f, fail) : [];
    const jwksUri = servers[0] ? await probeAuthServer(http, servers[0], signal, f, fail, warn) : void 0;
    if (jwksUri) await probeJwksUri(http, jwksUri, signal, f, fail);
    const verdict = mcpVerdict([f.status === "skip" ? "ok" : f.status]);
    const summary = verdict === "ready-for-oauth" ? `ready for OAuth at ${base}/mcp` : `${verdict === "failed" ? "failed" : "warning"}: ${reasons[0] ?? "see details"}${reasons.length > 1 ? ` (+${reasons.length - 1} more)` : ""}`;
    return f.done(summary, runbook && verdict === "failed" ? { runbook } : {});
  }
};
function targetRules(env, f, fail) {
  const u = new URL(backendBase(env));
  if (u.protocol === "https:") f.ok(`MCP endpoint ${u.origin}${u.pathname.replace(/\/$/, "")}/mcp uses https`);
  else if (isLoopbackHost(u.hostname)) {
    f.info("MCP endpoint uses http on loopback: MCP clients accept this for local testing only");
  } else
    fail(
      `MCP endpoint uses http on ${u.hostname}: MCP clients require https for remote servers`,
      "remote MCP endpoint is not https",
      "sign-in-fails"
    );
}
var answered = (out) => `HTTP ${out.res.status} in ${ms(out.res.ms)}`;
async function probeMissingOrg(http, env, signal, f, fail, warn) {
  const base = backendBase(env);
  const origin = new URL(base).origin;
  const out = await http.request(`${base}/mcp`, {
    method: "POST",
    signal,
    headers: { ...MCP_HEADERS, origin },
    body: INITIALIZE
  });
  if (!out.ok) {
    fail(`POST /mcp: ${describeFailure(out.failure, `${base}/mcp`)}`, "MCP endpoint unreachable");
    return;
  }
  switch (missingOrgVerdict(out.res.status, out.res.text)) {
    case "ok":
      f.ok(
        `POST /mcp without orgSlug (Origin ${origin}) \u2192 400 JSON-RPC -32600: the route is there and AUTH_BASE_URL's origin is accepted`
      );
      return;
    case "origin-rejected":
      fail(
        `POST /mcp with Origin ${origin} \u2192 403: upstream accepts only AUTH_BASE_URL's origin and the AUTH_ALLOWED_ORIGINS entries, and this is AUTH_BASE_URL's own origin, so the running backend has a different AUTH_BASE_URL than this environment's configuration (${env.source}) (or, for a loopback AUTH_BASE_URL, the request reached it under a non-loopback Host); browser-based MCP clients get the same 403`,
        "the backend rejects AUTH_BASE_URL's origin (Origin / AUTH_ALLOWED_ORIGINS)",
        "sign-in-fails"
      );
      return;
    case "no-route":
      fail(
        `POST /mcp \u2192 404: no MCP route at ${base}/mcp; is AUTH_BASE_URL the ctx| backend (and a version with MCP)?`,
        "no MCP route"
      );
      return;
    default:
      warn(
        `POST /mcp without orgSlug \u2192 ${answered(out)} ${JSON.stringify(out.res.text.slice(0, 100))}, expected 400 with JSON-RPC error -32600`,
        `POST /mcp without orgSlug answered HTTP ${out.res.status}`
      );
  }
}
async function probeChallenge(http, env, signal, f, fail) {
  const base = backendBase(env);
  const org = env.probeOrg ?? DEFAULT_PROBE_ORG;
  const url2 = `${base}/mcp?orgSlug=${encodeURIComponent(org)}`;
  const out = await http.request(url2, { method: "POST", signal, headers: MCP_HEADERS, body: INITIALIZE });
  if (!out.ok) {
    fail(`POST /mcp?orgSlug=${org}: ${describeFailure(out.failure, url2)}`, "MCP endpoint unreachable");
    return void 0;
  }
  const { status, headers } = out.res;
  const challenge = headers["www-authenticate"];
  const seen = `POST /mcp?orgSlug=${org} without credentials \u2192 ${answered(out)}`;
  if (status === 403) {
    fail(
      `${seen} although it sent no Origin: upstream rejects this only when AUTH_BASE_URL is a loopback URL and the request's Host is not; otherwise something in front of the backend refuses it`,
      "MCP requests are refused (403)",
      "sign-in-fails"
    );
    return void 0;
  }
  if (status !== 401) {
    fail(
      `${seen}; expected 401 with an OAuth challenge${status < 300 ? ": the endpoint answers without credentials" : ""}`,
      `unauthenticated MCP request answered HTTP ${status}`
    );
    return void 0;
  }
  if (!challenge) {
    fail(
      `${seen} but without a WWW-Authenticate header: MCP clients cannot discover how to sign in (a proxy stripping it?)`,
      "no WWW-Authenticate challenge"
    );
    return void 0;
  }
  if (!isBearerChallenge(challenge)) {
    fail(
      `${seen} with WWW-Authenticate ${JSON.stringify(challenge.slice(0, 100))}: its scheme is not Bearer, so MCP clients do not start OAuth`,
      "challenge scheme is not Bearer"
    );
    return void 0;
  }
  const metadata = resourceMetadataFromChallenge(challenge);
  if (!metadata || !isSecureHttpUrl(metadata)) {
    fail(
      `${seen}: its WWW-Authenticate challenge has no absolute https (or loopback http) resource_metadata URL${metadata ? ` (got ${metadata})` : ""}`,
      "challenge lacks resource_metadata"
    );
    return void 0;
  }
  f.ok(`${seen} and WWW-Authenticate (scheme Bearer) with resource_metadata ${metadata}`);
  const advertised = new URL(metadata).origin;
  if (advertised !== new URL(base).origin) {
    f.info(
      `the backend advertises its metadata on ${advertised}, not on AUTH_BASE_URL's origin ${new URL(base).origin}: the running backend's AUTH_BASE_URL differs from this environment's configuration (${env.source}) (clients follow what it advertises)`
    );
  }
  return metadata;
}
async function probeProtectedResource(http, env, url2, signal, f, fail) {
  const out = await http.request(url2, { signal, headers: { accept: "application/json" } });
  if (!out.ok) {
    fail(
      `protected-resource metadata: ${describeFailure(out.failure, url2)}`,
      "protected-resource metadata unreachable"
    );
    return [];
  }
  if (out.res.status !== 200) {
    fail(
      `GET ${url2} \u2192 ${answered(out)}, expected 200 with protected-resource metadata`,
      "protected-resource metadata unavailable"
    );
    return [];
  }
  const expected = `${backendBase(env)}/mcp`;
  const review = reviewProtectedResource(tryJson(out.res.text), expected);
  if (review.problems.length) {
    const slash = review.resource?.endsWith("//mcp") ? ": the backend runs with a trailing slash on AUTH_BASE_URL" : "";
    const other = review.resource && !slash && review.resource !== expected ? ": the backend runs with another AUTH_BASE_URL than this environment" : "";
    fail(
      `protected-resource metadata at ${url2}: ${review.problems.join("; ")}${slash || other}; MCP clients reject tokens for the wrong resource`,
      review.resource && review.resource !== expected ? "protected-resource metadata names the wrong resource" : "protected-resource metadata incomplete",
      slash || other ? "sign-in-fails" : void 0
    );
    return [];
  }
  f.ok(
    `protected-resource metadata: resource ${review.resource}, authorization server ${review.authorizationServers.join(", ")}`
  );
  return review.authorizationServers;
}
async function probeAuthServer(http, issuer, signal, f, fail, warn) {
  const tried = [];
  for (const url2 of authorizationServerMetadataUrls(issuer)) {
    const out = await http.request(url2, { signal, headers: { accept: "application/json" } });
    if (!out.ok) {
      fail(
        `authorization-server metadata: ${describeFailure(out.failure, url2)}`,
        "authorization-server metadata unreachable"
      );
      return;
    }
    if (out.res.status !== 200) {
      tried.push(`${new URL(url2).pathname} \u2192 ${out.res.status}`);
      continue;
    }
    const review = reviewAuthServerMetadata(tryJson(out.res.text), issuer);
    const where = new URL(url2).pathname;
    if (tried.length)
      f.info(
        `authorization-server metadata found at ${where} after ${tried.join(", ")} (upstream's doctor only tries the first)`
      );
    if (review.missing.length) {
      fail(
        `authorization-server metadata at ${where} lacks ${review.missing.join(", ")}: MCP clients cannot register or sign in`,
        review.missing.some((m) => m.includes("registration_endpoint")) ? "no dynamic client registration endpoint" : "authorization-server metadata incomplete"
      );
      return void 0;
    }
    f.ok(
      `authorization-server metadata at ${where}: issuer ${issuer}, authorization, token and registration endpoints present`
    );
    for (const c of review.concerns) warn(c, "PKCE S256 not advertised");
    const jwks = tryJson(out.res.text).jwks_uri;
    if (isSecureHttpUrl(jwks)) return jwks;
    f.info(
      `the metadata names no usable jwks_uri${jwks === void 0 ? "" : ` (got ${JSON.stringify(jwks)})`}, so the signing keys were not read from here`
    );
    return void 0;
  }
  fail(
    `no authorization-server metadata for issuer ${issuer}: ${tried.join(", ")}`,
    "authorization-server metadata not found"
  );
  return void 0;
}
async function probeJwksUri(http, url2, signal, f, fail) {
  const out = await http.request(url2, { signal, headers: { accept: "application/json" } });
  if (!out.ok) {
    fail(`jwks_uri ${url2}: ${describeFailure(out.failure, url2)}`, "jwks_uri unreachable");
    return;
  }
  const keys2 = tryJson(out.res.text)?.keys;
  const body = out.res.text.trim() ? JSON.stringify(out.res.text.trim().slice(0, 100)) : "(empty body)";
  if (out.res.status === 200 && Array.isArray(keys2) && keys2.length) {
    f.ok(
      `jwks_uri ${url2} \u2192 200 with ${keys2.length} public key${keys2.length === 1 ? "" : "s"} in ${ms(out.res.ms)}: the backend reads its signing keys (table jwkss)`
    );
    return;
  }
  if (out.res.status >= 500) {
    fail(
      `jwks_uri ${url2} \u2192 ${answered(out)} ${body}: the backend cannot read its signing keys from Postgres (table jwkss); it signs the OAuth flow's tokens and validates MCP access tokens with them, so MCP clients cannot sign in`,
      "signing keys unreadable (jwks_uri answers 500)",
      "sign-in-fails"
    );
    return;
  }
  fail(
    `jwks_uri ${url2} \u2192 ${answered(out)} ${body}, expected 200 with {"keys":[...]}`,
    `jwks_uri answered HTTP ${out.res.status}`
  );
}

// src/diagnostics/checks/codesearch.ts
function unauthenticatedVerdict(status, body) {
  if (status === 401)
    return tryJson(body)?.error === "Unauthorized" ? "codesearch" : "other-401";
  return status >= 200 && status < 300 ? "open" : "not-codesearch";
}
function searchVerdict(status, body) {
  if (status === 200) return "ok";
  if (status === 401) return "secret-mismatch";
  const error2 = tryJson(body)?.error;
  const text = typeof error2 === "string" ? error2 : body;
  if (status === 503) {
    if (/database not configured/i.test(text)) return "no-database";
    if (/zoekt webserver is unavailable/i.test(text)) return "zoekt-down";
    if (/did not load repo ids/i.test(text)) return "zoekt-warming";
    if (/zoekt returned status/i.test(text)) return "zoekt-error";
    return "unavailable";
  }
  return status >= 500 ? "server-error" : "unexpected";
}
var QUERY = JSON.stringify({ Q: "ctx-ops-health-probe", Opts: { TotalMaxMatchCount: 1, MaxDocDisplayCount: 1 } });
var RUNBOOK = "repo-not-indexed";
var codesearchCheck = {
  id: "codesearch",
  title: "Codesearch",
  dependsOn: [],
  // Codesearch keeps its state in ctx|'s Postgres: its server errors are likely explained by
  // a failing Postgres (every other failure here is its own).
  likelyCauses: {
    postgres: "codesearch reads its repository state from ctx|'s Postgres and answers 500 when it cannot"
  },
  options: { probeOrgId: string2().min(1).default("ctx-ops-probe") },
  async run(ctx, signal) {
    const { dbRelated, ...outcome } = await probe(ctx, signal);
    return outcome.status === "ok" || dbRelated ? outcome : { ...outcome, independent: true };
  }
};
async function probe(ctx, signal) {
  const f = findings();
  const c = ctx.env.ctx;
  const base = c.CODESEARCH_URL.replace(/\/+$/, "");
  const url2 = `${base}/search`;
  const headers = { accept: "application/json", "content-type": "application/json" };
  const anon = await ctx.http.request(url2, { method: "POST", signal, headers, body: QUERY });
  if (!anon.ok) {
    f.fail(
      `${describeFailure(anon.failure, url2)}; the backend needs CODESEARCH_URL reachable to clone, index and search`
    );
    return f.done(`unreachable: ${describeFailure(anon.failure, "CODESEARCH_URL")}`, { runbook: RUNBOOK });
  }
  const seen = `POST /search without a token \u2192 HTTP ${anon.res.status} in ${ms(anon.res.ms)}`;
  switch (unauthenticatedVerdict(anon.res.status, anon.res.text)) {
    case "codesearch":
      f.ok(`${seen} {"error":"Unauthorized"}: ctx| codesearch answers at ${base}`);
      break;
    case "other-401":
      f.warn(
        `${seen} but not codesearch's {"error":"Unauthorized"} (got ${JSON.stringify(anon.res.text.slice(0, 80))}): a proxy in front of it?`
      );
      break;
    case "open":
      f.fail(
        `${seen}: it answers without a token, which ctx| codesearch never does; CODESEARCH_URL points at something else`
      );
      return f.done("CODESEARCH_URL does not answer like codesearch", { runbook: RUNBOOK });
    default:
      f.fail(
        `${seen} ${JSON.stringify(anon.res.text.slice(0, 80))}; ctx| codesearch answers 401 to every request without a token`
      );
      return f.done(`CODESEARCH_URL answers HTTP ${anon.res.status}, not like codesearch`, { runbook: RUNBOOK });
  }
  if (!c.AUTH_SECRET) {
    f.warn(
      "AUTH_SECRET is not set here, so the authenticated search probe cannot run (codesearch tokens are signed with it)"
    );
    return f.done("reachable; authenticated search not probed (AUTH_SECRET not set)");
  }
  const claims = serviceTokenClaims(c, ctx.options.probeOrgId);
  const who = `HS256 with AUTH_SECRET, aud ${claims.aud}, iss ${claims.iss}, principal service, 5 min`;
  const authed = await ctx.http.request(url2, {
    method: "POST",
    signal,
    headers: { ...headers, authorization: `Bearer ${await mintServiceToken(c.AUTH_SECRET, claims)}` },
    body: QUERY
  });
  if (!authed.ok) {
    f.fail(`authenticated POST /search: ${describeFailure(authed.failure, url2)}`);
    return f.done("authenticated search failed", { runbook: RUNBOOK });
  }
  const res = authed.res;
  const said = `POST /search with a service JWT (${who}) \u2192 HTTP ${res.status} in ${ms(res.ms)}`;
  const body = JSON.stringify(res.text.slice(0, 120));
  switch (searchVerdict(res.status, res.text)) {
    case "ok":
      f.ok(`${said}: token accepted, database and Zoekt answer`);
      return f.done(`searching: authenticated probe answered in ${ms(res.ms)}`);
    case "secret-mismatch":
      return secretMismatch(f, said, claims, await signingKeysEvidence(ctx.pg, c, signal));
    case "no-database":
      f.fail(`${said} ${body}: codesearch has no database (DATABASE_URL is not set for the codesearch service)`);
      return f.done("codesearch has no database", { runbook: RUNBOOK });
    case "zoekt-down":
      f.fail(
        `${said} ${body}: Zoekt is not running or not reachable from codesearch (zoekt-webserver -rpc on port 6070 in the codesearch container)`
      );
      return f.done("Zoekt not running: codesearch cannot search", { runbook: RUNBOOK });
    case "zoekt-warming":
      f.warn(`${said} ${body}: Zoekt is up but has not loaded the index shards yet`);
      return f.done("Zoekt not ready: shards still loading", { runbook: RUNBOOK });
    case "zoekt-error":
      f.fail(`${said} ${body}: Zoekt answers with an error`);
      return f.done("Zoekt answers with errors", { runbook: RUNBOOK });
    case "unavailable":
      f.fail(`${said} ${body}: Zoekt not ready or codesearch has no database`);
      return f.done("codesearch unavailable (503)", { runbook: RUNBOOK });
    case "server-error":
      f.fail(`${said} ${body}: codesearch failed internally; its database may be unreachable (see codesearch logs)`);
      return { ...f.done(`codesearch error: HTTP ${res.status}`, { runbook: RUNBOOK }), dbRelated: true };
    default:
      f.fail(`${said} ${body}: expected 200`);
      return f.done(`authenticated search answered HTTP ${res.status}`, { runbook: RUNBOOK });
  }
}
function secretMismatch(f, said, claims, keys2) {
  const others = `(or codesearch has another AUTH_TOKEN_AUDIENCE_CODESEARCH than "${claims.aud}", or an AUTH_ISSUER other than "${claims.iss}")`;
  switch (keysFact(keys2)) {
    case "opens":
      f.fail(
        `${said}: codesearch rejects the token, while ${keysWords(keys2)}. So codesearch's AUTH_SECRET differs from the backend's ${others}: the backend's own calls to codesearch (clone, index, search) are rejected too. Give codesearch the backend's AUTH_SECRET and restart it`
      );
      return f.done("codesearch's AUTH_SECRET differs from the backend's", { runbook: RUNBOOK });
    case "does-not-open":
      f.warn(
        `${said}: codesearch rejects the token, and ${keysWords(keys2)}. The backend's keys and codesearch agree with each other, not with ctx-ops: ctx-ops's own copy of AUTH_SECRET is stale. Fix ctx-ops's configuration; codesearch itself is not shown to be wrong`
      );
      f.info(
        "authenticated search was not verified: codesearch is reachable, but ctx-ops cannot sign a token it accepts"
      );
      return f.done(
        "not verified: ctx-ops's AUTH_SECRET is not the deployment's (codesearch and the backend's keys agree)"
      );
    default:
      f.warn(
        `${said}: codesearch rejects the token ${others}, and ${keysWords(keys2)}: either codesearch's AUTH_SECRET differs from the backend's (then indexing and search fail too), or ctx-ops's copy is stale. Give ctx-ops read access to jwkss (GRANT SELECT ON jwkss) to tell which`
      );
      return f.done("codesearch rejects ctx-ops's token (whose AUTH_SECRET is wrong is not known)", {
        runbook: RUNBOOK
      });
  }
}

// src/util/format.ts
var UTC_ZONES = /* @__PURE__ */ new Set(["UTC", "Etc/UTC"]);
var WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
var two = (n2) => String(n2).padStart(2, "0");
function utcParts(at) {
  const month = two(at.getUTCMonth() + 1);
  return {
    year: String(at.getUTCFullYear()),
    month,
    day: two(at.getUTCDate()),
    weekday: WEEKDAYS[at.getUTCDay()],
    monthName: MONTHS[at.getUTCMonth()],
    hour: two(at.getUTCHours()),
    minute: two(at.getUTCMinutes()),
    second: two(at.getUTCSeconds())
  };
}
var partFormats = /* @__PURE__ */ new Map();
function partsOf(at, timeZone) {
  if (UTC_ZONES.has(timeZone)) return utcParts(at);
  let f = partFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23"
    });
    partFormats.set(timeZone, f);
  }
  const p = f.formatToParts(at);
  const v = (type) => p.find((x) => x.type === type)?.value ?? "";
  const month = v("month");
  return {
    year: v("year"),
    month,
    day: v("day"),
    weekday: v("weekday"),
    monthName: MONTHS[Number(month) - 1] ?? month,
    hour: v("hour"),
    minute: v("minute"),
    second: v("second")
  };
}
var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
var NAMING_LOCALES = ["en-GB", "en-US", "en-AU", "en-IN", "en-ZA", "ja-JP"];
var zoneLocale = /* @__PURE__ */ new Map();
var zoneNameIn = (f, at) => f.formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "";
var isOffset = (name) => /^(GMT|UTC)[+-\u2212]/.test(name);
function zoneFormat(timeZone) {
  let f = zoneLocale.get(timeZone);
  if (f) return f;
  const probes = [new Date(Date.UTC(2026, 0, 15, 12)), new Date(Date.UTC(2026, 6, 15, 12))];
  const candidates = NAMING_LOCALES.map((l) => new Intl.DateTimeFormat(l, { timeZone, timeZoneName: "short" }));
  f = candidates.find((c) => probes.some((at) => !isOffset(zoneNameIn(c, at)))) ?? candidates[0];
  zoneLocale.set(timeZone, f);
  return f;
}
function zoneName(at, timeZone) {
  if (UTC_ZONES.has(timeZone)) return "UTC";
  return zoneNameIn(zoneFormat(timeZone), at).replace("\u2212", "-");
}
function clock(at, timeZone, opts = {}) {
  const p = partsOf(at, timeZone);
  return `${p.hour}:${p.minute}${opts.seconds ? `:${p.second}` : ""} ${zoneName(at, timeZone)}`;
}
function dayTime(at, timeZone, opts = {}) {
  const p = partsOf(at, timeZone);
  return `${p.weekday} ${Number(p.day)} ${p.monthName} ${clock(at, timeZone, opts)}`;
}
function day(at, timeZone) {
  const p = partsOf(at, timeZone);
  return `${p.weekday} ${Number(p.day)} ${p.monthName}`;
}
function dateTime(at, timeZone, opts = {}) {
  const p = partsOf(at, timeZone);
  return `${p.year}-${p.month}-${p.day} ${clock(at, timeZone, opts)}`;
}
function thousands(n2) {
  if (!Number.isFinite(n2)) return String(n2);
  const [int2, frac] = String(Math.abs(n2)).split(".");
  const grouped = int2.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${n2 < 0 ? "-" : ""}${grouped}${frac ? `.${frac}` : ""}`;
}
var UNIT_MS = { s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
var MAX_SILENCE_MS = 30 * UNIT_MS.d;
function parseDuration(text) {
  const s = text.trim().toLowerCase();
  if (!/^(\d+[smhdw])+$/.test(s)) return void 0;
  let total = 0;
  for (const [, n2, unit] of s.matchAll(/(\d+)([smhdw])/g)) total += Number(n2) * UNIT_MS[unit];
  return total > 0 ? total : void 0;
}
function formatDuration(ms2) {
  if (ms2 === null || ms2 === void 0 || !Number.isFinite(ms2)) return "?";
  const s = Math.max(0, Math.round(ms2 / 1e3));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}
function roughDuration(ms2) {
  const minutes = Math.max(0, Math.floor(ms2 / 6e4));
  if (minutes < 1) return "under a minute";
  if (minutes < 90) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}
function formatLatency(ms2) {
  return ms2 >= 1e3 ? `${(ms2 / 1e3).toFixed(1)} s` : `${Math.round(ms2)} ms`;
}
function formatElapsed(ms2) {
  const s = Math.max(0, Math.round(ms2 / 1e3));
  const h = Math.floor(s / 3600);
  const m = Math.floor(s % 3600 / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}
function ago(then, now) {
  if (!then) return "never";
  const diff = now.getTime() - then.getTime();
  return diff >= 0 ? `${formatDuration(diff)} ago` : `in ${formatDuration(-diff)}`;
}
function formatBytes(n2) {
  if (n2 === null || n2 === void 0) return "?";
  if (n2 < 1024) return `${n2} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let v = n2 / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[i]}`;
}
function shortHash(h) {
  return h ? `${h.slice(0, 12)}\u2026` : "\u2014";
}
function shellWord(s) {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

// node_modules/yocto-queue/index.js
var Node = class {
  value;
  next;
  constructor(value) {
    this.value = value;
  }
};
var Queue = class {
  #head;
  #tail;
  #size;
  constructor() {
    this.clear();
  }
  enqueue(value) {
    const node2 = new Node(value);
    if (this.#head) {
      this.#tail.next = node2;
      this.#tail = node2;
    } else {
      this.#head = node2;
      this.#tail = node2;
    }
    this.#size++;
  }
  dequeue() {
    const current = this.#head;
    if (!current) {
      return;
    }
    this.#head = this.#head.next;
    this.#size--;
    if (!this.#head) {
      this.#tail = void 0;
    }
    return current.value;
  }
  peek() {
    if (!this.#head) {
      return;
    }
    return this.#head.value;
  }
  clear() {
    this.#head = void 0;
    this.#tail = void 0;
    this.#size = 0;
  }
  get size() {
    return this.#size;
  }
  *[Symbol.iterator]() {
    let current = this.#head;
    while (current) {
      yield current.value;
      current = current.next;
    }
  }
  *drain() {
    while (this.#head) {
      yield this.dequeue();
    }
  }
};

// node_modules/p-limit/index.js
function pLimit(concurrency) {
  let rejectOnClear = false;
  if (typeof concurrency === "object") {
    ({ concurrency, rejectOnClear = false } = concurrency);
  }
  validateConcurrency(concurrency);
  if (typeof rejectOnClear !== "boolean") {
    throw new TypeError("Expected `rejectOnClear` to be a boolean");
  }
  const queue = new Queue();
  let activeCount = 0;
  const resumeNext = () => {
    if (activeCount < concurrency && queue.size > 0) {
      activeCount++;
      queue.dequeue().run();
    }
  };
  const next = () => {
    activeCount--;
    resumeNext();
  };
  const run = async (function_, resolve5, arguments_) => {
    const result = (async () => function_(...arguments_))();
    resolve5(result);
    try {
      await result;
    } catch {
    }
    next();
  };
  const enqueue = (function_, resolve5, reject, arguments_) => {
    const queueItem = { reject };
    new Promise((internalResolve) => {
      queueItem.run = internalResolve;
      queue.enqueue(queueItem);
    }).then(run.bind(void 0, function_, resolve5, arguments_));
    if (activeCount < concurrency) {
      resumeNext();
    }
  };
  const generator = (function_, ...arguments_) => new Promise((resolve5, reject) => {
    enqueue(function_, resolve5, reject, arguments_);
  });
  Object.defineProperties(generator, {
    activeCount: {
      get: () => activeCount
    },
    pendingCount: {
      get: () => queue.size
    },
    clearQueue: {
      value() {
        if (!rejectOnClear) {
          queue.clear();
          return;
        }
        const abortError = AbortSignal.abort().reason;
        while (queue.size > 0) {
          queue.dequeue().reject(abortError);
        }
      }
    },
    concurrency: {
      get: () => concurrency,
      set(newConcurrency) {
        validateConcurrency(newConcurrency);
        concurrency = newConcurrency;
        queueMicrotask(() => {
          while (activeCount < concurrency && queue.size > 0) {
            resumeNext();
          }
        });
      }
    },
    map: {
      async value(iterable, function_) {
        const promises = [];
        try {
          Array.from(iterable, (value, index) => {
            const promise = generator(function_, value, index);
            promises.push(promise);
            return promise;
          });
        } catch (error2) {
          for (const promise of promises) {
            promise.catch(() => {
            });
          }
          throw error2;
        }
        return Promise.all(promises);
      }
    }
  });
  return generator;
}
function validateConcurrency(concurrency) {
  if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
    throw new TypeError("Expected `concurrency` to be a number from 1 and up");
  }
}

// src/diagnostics/graph/bolt-handshake.ts
import { connect as netConnect } from "node:net";
import { connect as tlsConnect } from "node:tls";
var MAGIC = [96, 96, 176, 23];
var PROPOSALS = [526341, 132100, 3, 0];
function boltHandshake(t, signal, insecureTls) {
  const started = performance.now();
  return new Promise((resolve5) => {
    let layer = "tcp";
    let settled = false;
    let received = Buffer.alloc(0);
    const socket = t.tls ? tlsConnect({ host: t.host, port: t.port, servername: t.host, rejectUnauthorized: !insecureTls }) : netConnect({ host: t.host, port: t.port });
    const finish = (r) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener("abort", onAbort);
      socket.destroy();
      resolve5(r);
    };
    const onAbort = () => {
      const what = layer === "tcp" ? "no TCP connection" : layer === "tls" ? "connected, but the TLS handshake did not finish" : "accepted the connection, but no answer to the Bolt handshake";
      finish({ ok: false, layer, failure: { kind: "timeout", message: `${what} before the deadline` } });
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    const sendHandshake = () => {
      layer = "bolt";
      const buf = Buffer.alloc(20);
      Buffer.from(MAGIC).copy(buf, 0);
      PROPOSALS.forEach((p, i) => buf.writeUInt32BE(p, 4 + i * 4));
      socket.write(buf);
    };
    socket.once(t.tls ? "secureConnect" : "connect", sendHandshake);
    if (t.tls) socket.once("connect", () => layer = "tls");
    socket.on("data", (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4) return;
      const text = received.subarray(0, 4).toString("latin1");
      if (text === "HTTP")
        return finish({
          ok: false,
          layer: "bolt",
          failure: { kind: "not-bolt", message: "it answered with HTTP (7474 is the HTTP port; Bolt is usually 7687)" }
        });
      if (text.startsWith("-ERR") || text.startsWith("+"))
        return finish({
          ok: false,
          layer: "bolt",
          failure: {
            kind: "not-bolt",
            message: "it answered like a Redis server (is this FalkorDB? then GRAPH_DB_PROVIDER=falkordb with redis://)"
          }
        });
      if (received[0] === 21 || received[0] === 22)
        return finish({
          ok: false,
          layer: "bolt",
          failure: {
            kind: "tls",
            message: "the server answered with TLS: it expects an encrypted connection (use bolt+s:// or neo4j+s://)"
          }
        });
      const [, , minor, major] = received;
      if (!major && !minor)
        return finish({
          ok: false,
          layer: "bolt",
          failure: {
            kind: "protocol",
            message: "the server speaks Bolt but supports none of the versions neo4j-driver offers (5.0\u20135.8, 4.2\u20134.4, 3.0)"
          }
        });
      finish({ ok: true, version: `${major}.${minor}`, ms: performance.now() - started });
    });
    socket.on("error", (err) => {
      const f = classifyError(err);
      const message = layer === "tls" && f.kind === "reset" ? `the server dropped the TLS handshake (${f.code ?? "reset"}): it probably does not have TLS enabled (use bolt://)` : f.message;
      finish({
        ok: false,
        layer,
        failure: { kind: layer === "tls" ? "tls" : f.kind, ...f.code ? { code: f.code } : {}, message }
      });
    });
    socket.on("close", () => {
      const what = layer === "bolt" ? "the server closed the connection during the Bolt handshake (not a Bolt port, or TLS expected?)" : "the server closed the connection";
      finish({ ok: false, layer, failure: { kind: "reset", message: what } });
    });
  });
}

// src/diagnostics/graph/errors.ts
var fromNet = (err) => {
  const f = classifyError(err);
  return { kind: f.kind, ...f.code ? { code: f.code } : {}, message: f.message };
};
function classifyRedisError(err, socketError) {
  const message = String(err?.message ?? err);
  if (/^WRONGPASS\b/.test(message) || /^ERR invalid (username-)?password/i.test(message))
    return { kind: "auth", code: "WRONGPASS", message };
  if (/^NOAUTH\b/.test(message)) return { kind: "auth", code: "NOAUTH", message };
  if (/^NOPERM\b/.test(message)) return { kind: "noperm", code: "NOPERM", message };
  if (/^ERR unknown command '?GRAPH\./i.test(message)) return { kind: "module-missing", code: "ERR", message };
  if (/Command timed out/i.test(message)) return { kind: "timeout", message: "no answer to the command in time" };
  if (socketError) {
    const f = fromNet(socketError);
    if (f.kind !== "other") return f;
  }
  if (/Connection is closed|Stream isn't writeable/i.test(message))
    return { kind: "reset", message: "the connection was closed before an answer came" };
  return fromNet(err);
}
var NODE_CODE = /\b(E[A-Z]{3,}|ERR_[A-Z_]+|CERT_[A-Z_]+|UNABLE_TO_[A-Z_]+|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\b/;
function classifyBoltError(err) {
  const e = err;
  const code = typeof e?.code === "string" ? e.code : void 0;
  const message = String(e?.message ?? err);
  if (code === "Neo.ClientError.Security.Unauthorized" || code === "Neo.ClientError.Security.CredentialsExpired")
    return { kind: "auth", code, neo4jCode: code, message };
  if (code === "Neo.ClientError.Security.AuthenticationRateLimit")
    return {
      kind: "auth",
      code,
      neo4jCode: code,
      message: `too many failed logins, the server locked the user for a while (${message})`
    };
  if (code === "Neo.ClientError.Security.Forbidden" || code === "Neo.ClientError.Security.AuthorizationExpired")
    return { kind: "noperm", code, neo4jCode: code, message };
  if (code?.startsWith("Neo.")) return { kind: "other", code, neo4jCode: code, message };
  if (/Server responded HTTP/i.test(message))
    return { kind: "not-bolt", message: "the server answered with HTTP, not Bolt" };
  if (/Connection acquisition timed out|Failed to establish connection in|Server didn't respond in/i.test(message))
    return { kind: "timeout", message };
  const caused = /Caused by: (.*)$/s.exec(message)?.[1];
  if (caused) {
    const nodeCode = NODE_CODE.exec(caused)?.[1];
    const f = fromNet({ code: nodeCode, message: caused });
    return f.kind === "other" && /ssl|tls|certificate|secure/i.test(caused) ? { kind: "tls", message: caused } : f;
  }
  if (/Connection was closed by server/i.test(message)) return { kind: "reset", message };
  return fromNet(err);
}
var NET_KINDS = /* @__PURE__ */ new Set([
  "dns",
  "refused",
  "timeout",
  "tls",
  "reset",
  "auth",
  "aborted",
  "protocol",
  "other"
]);
function describeGraphFailure(f, target) {
  switch (f.kind) {
    case "module-missing":
      return `${target} speaks Redis but does not know GRAPH.* commands (${f.message.split(",")[0]}): this is Redis without the FalkorDB module`;
    case "noperm":
      return `${target} refused a command for this user (${f.message})`;
    case "not-bolt":
      return `${target} does not speak Bolt: ${f.message}`;
    case "auth":
      return `authentication to ${target} failed (${f.code ?? "auth"}): ${f.message}`;
    case "timeout":
      return `timed out talking to ${target}: ${f.message}`;
    default:
      return NET_KINDS.has(f.kind) ? describeFailure(
        { kind: f.kind, ...f.code ? { code: f.code } : {}, message: f.message },
        target
      ) : `${target}: ${f.message}`;
  }
}

// src/diagnostics/graph/bolt-client.ts
var neo4jDriver = lazyRequire("neo4j-driver");
var BOLT_COUNT_QUERY = "MATCH (n) RETURN count(n) AS nodes";
async function openBolt(t, creds, budget, log2) {
  const hs = await boltHandshake(t, budget.signal, t.uri.includes("+ssc:"));
  if (!hs.ok)
    return {
      ok: false,
      failure: hs.failure,
      step: hs.layer === "tcp" ? "TCP connect" : hs.layer === "tls" ? "TLS handshake" : "Bolt handshake"
    };
  const neo4j = await neo4jDriver.soon();
  const remaining = Math.max(1, budget.remainingMs());
  const driver = neo4j.driver(t.uri, neo4j.auth.basic(creds.user, creds.password), {
    connectionTimeout: remaining,
    connectionAcquisitionTimeout: remaining,
    maxConnectionPoolSize: 4,
    maxTransactionRetryTime: 0,
    disableLosslessIntegers: true,
    userAgent: "ctx-ops",
    logging: { level: "warn", logger: (level, message) => log2.debug({ level, message }, "neo4j-driver") }
  });
  const close = () => void driver.close().catch(() => {
  });
  budget.signal.addEventListener("abort", close, { once: true });
  const release = async () => {
    budget.signal.removeEventListener("abort", close);
    await driver.close().catch(() => {
    });
  };
  try {
    const info = await raceAbort(driver.getServerInfo(), budget.signal);
    const v = info.protocolVersion;
    const protocol = typeof v === "object" && v ? `${v.major}.${v.minor}` : String(v ?? hs.version);
    return { ok: true, driver, agent: info.agent ?? "unknown", protocol, handshakeMs: hs.ms, close: release };
  } catch (err) {
    await release();
    const failure2 = budget.signal.aborted ? {
      kind: "timeout",
      message: "the Bolt handshake worked, but the login (HELLO/LOGON) got no answer before the deadline"
    } : classifyBoltError(err);
    return { ok: false, failure: failure2, step: "login" };
  }
}
async function countNodes(driver, database, signal) {
  const neo4j = neo4jDriver();
  const session = driver.session({ defaultAccessMode: neo4j.session.READ, ...database ? { database } : {} });
  try {
    const result = await raceAbort(session.run(BOLT_COUNT_QUERY), signal);
    const value = result.records[0]?.get("nodes");
    const nodes = typeof value === "number" ? value : neo4j.isInt(value) ? value.toNumber() : null;
    return { state: { kind: "present", nodes } };
  } catch (err) {
    if (signal.aborted) return { state: { kind: "not-probed" } };
    const failure2 = classifyBoltError(err);
    if (failure2.neo4jCode === "Neo.ClientError.Database.DatabaseNotFound")
      return { state: { kind: "missing" }, failure: failure2 };
    return { state: { kind: "error" }, failure: failure2 };
  } finally {
    void session.close().catch(() => {
    });
  }
}

// src/diagnostics/graph/status-rules.ts
function orgGraphStatus(engine, state, ingestion) {
  switch (state.kind) {
    case "present":
      return state.nodes === 0 && (ingestion?.ingested ?? 0) > 0 ? "warn" : "ok";
    case "missing":
      if (engine === "bolt") return "fail";
      if (!ingestion) return "warn";
      return ingestion.ingested > 0 ? "fail" : "ok";
    case "no-uri":
    case "error":
      return "fail";
    case "not-probed":
      return "warn";
  }
}
function nextStep(kind, engine) {
  const user = engine === "falkordb" ? "GRAPH_DB_USER / GRAPH_DB_PASSWORD (or the credentials in GRAPH_DB_URI)" : "GRAPH_DB_USER / GRAPH_DB_PASSWORD";
  switch (kind) {
    case "dns":
      return "the host name in the URI does not resolve from here: check the spelling and that this bot runs on the same network as the backend and worker";
    case "refused":
      return "nothing listens on that host and port: is the graph database running, and is the port right?";
    case "timeout":
      return "the server accepted the connection but did not answer in time: it may be overloaded, paused, or another service is listening on that port";
    case "tls":
      return engine === "falkordb" ? "TLS mismatch: use rediss:// only when the server has TLS enabled, redis:// otherwise" : "TLS mismatch: use bolt+s:// (or neo4j+s://) only when the server has TLS enabled, bolt:// otherwise";
    case "reset":
      return "the server closed the connection: look at its logs (connection limits, protected mode, TLS expected)";
    case "auth":
      return `the credentials are wrong: compare ${user} with the server's users`;
    case "noperm":
      return "the user lacks a permission this check needs (see the least-privilege setup in the graph check docs)";
    case "module-missing":
      return "this is Redis without the FalkorDB module: point GRAPH_DB_URI at the falkordb service (image falkordb/falkordb), not at a plain Redis";
    case "not-bolt":
      return "the port does not speak Bolt: check the port (Bolt is usually 7687; 7474 is HTTP)";
    case "protocol":
      return "the server answered something unexpected: check that GRAPH_DB_URI points at the graph database";
    case "aborted":
      return "the check was cut off at its deadline";
    default:
      return "see the graph database logs";
  }
}
function capNote(probed, total, option) {
  return total > probed ? `${total} organizations; only the first ${probed} (oldest) were probed (raise checks.graph.${option} to probe more)` : void 0;
}
function agentMismatch(provider, agent) {
  const isMemgraph = /^memgraph\b/i.test(agent);
  const isNeo4j = /^neo4j\b/i.test(agent);
  if (provider === "memgraph" && isNeo4j)
    return `GRAPH_DB_PROVIDER is memgraph but the server is ${agent}: set GRAPH_DB_PROVIDER=neo4j-enterprise (or neo4j-community)`;
  if (provider.startsWith("neo4j") && isMemgraph)
    return `GRAPH_DB_PROVIDER is ${provider} but the server is ${agent}: set GRAPH_DB_PROVIDER=memgraph`;
  if (provider !== "neptune" && !isNeo4j && !isMemgraph)
    return `the server calls itself "${agent}", neither Neo4j nor Memgraph: is GRAPH_DB_PROVIDER=${provider} right?`;
  return void 0;
}

// src/diagnostics/graph/org-report.ts
var LIST_HEALTHY = 10;
var n = thousands;
var orgName = (o) => `org ${o.slug} (${o.id})`;
var ingestedText = (i) => `${i.ingested} of ${i.repositories} repositories ingested`;
function line(engine, p, ingestion) {
  const where = p.note ? ` ${p.note}` : "";
  const s = p.state;
  switch (s.kind) {
    case "present": {
      const what = engine === "falkordb" ? `graph ${p.org.id}` : p.note ?? `database ${p.org.id}`;
      const nodes = s.nodes === null ? "reachable" : `${n(s.nodes)} nodes`;
      if (s.nodes === 0 && ingestion && ingestion.ingested > 0) {
        return `${orgName(p.org)}: ${what} is empty although ${ingestedText(ingestion)}: the graph projection did not run or wrote elsewhere; re-run ingestion`;
      }
      return `${orgName(p.org)}: ${what}: ${nodes}`;
    }
    case "missing":
      if (engine === "bolt") {
        return `${orgName(p.org)}: database ${p.org.id} does not exist${where}: ctx| reads this org's graph from a database named by the org id, which Neo4j Enterprise and Memgraph do not create on their own (an admin runs CREATE DATABASE)`;
      }
      if (!ingestion)
        return `${orgName(p.org)}: no graph ${p.org.id} in GRAPH.LIST; whether any repository was ingested is unknown (the repositories table could not be read)`;
      if (ingestion.ingested > 0) {
        return `${orgName(p.org)}: no graph ${p.org.id} in GRAPH.LIST although ${ingestedText(ingestion)}: the graph data is gone (FalkorDB restarted without persistence?); re-run ingestion to rebuild it`;
      }
      return `${orgName(p.org)}: no graph yet (${ingestedText(ingestion)}); FalkorDB creates it on the first ingestion`;
    case "no-uri":
      return `${orgName(p.org)}: ${p.note ?? "no per-org URI"}`;
    case "error":
      return `${orgName(p.org)}: ${p.note ?? "the graph query failed"}`;
    case "not-probed":
      return `${orgName(p.org)}: not probed, the check's deadline came first`;
  }
}
function reportOrgs(f, engine, probes, ingestion) {
  const tally = { ok: 0, warn: 0, fail: 0, nodes: 0 };
  const rated = probes.map((p) => {
    const ing = ingestion?.get(p.org.id) ?? (ingestion ? { repositories: 0, ingested: 0 } : null);
    const status = orgGraphStatus(engine, p.state, ing);
    tally[status]++;
    if (p.state.kind === "present" && p.state.nodes) tally.nodes += p.state.nodes;
    return { p, ing, status };
  });
  const healthy = rated.filter((r) => r.status === "ok");
  if (healthy.length > LIST_HEALTHY) {
    const graphs = healthy.filter((r) => r.p.state.kind === "present").length;
    f.ok(
      `${healthy.length} orgs healthy: ${graphs} with a graph holding ${n(tally.nodes)} nodes in all${healthy.length > graphs ? `, ${healthy.length - graphs} with nothing ingested yet` : ""}`
    );
  }
  for (const r of rated) {
    if (r.status === "ok" && healthy.length > LIST_HEALTHY) continue;
    const text = line(engine, r.p, r.ing);
    if (r.status === "ok") f.ok(text);
    else if (r.status === "warn") f.warn(text);
    else f.fail(text);
  }
  return tally;
}

// src/diagnostics/graph/target.ts
var DEFAULT_GRAPH_DB_URI = "redis://falkordb:6379";
function tenancyOf(provider) {
  return provider === "falkordb" || provider === "neo4j-enterprise" || provider === "memgraph" ? "database-per-tenant" : "instance-per-tenant";
}
function displayUri(uri) {
  try {
    const u = new URL(uri);
    return `${u.protocol}//${u.host}${u.pathname === "/" ? "" : u.pathname}`;
  } catch {
    return "(not a valid URI)";
  }
}
function redisTarget(uri, env) {
  let u;
  try {
    u = new URL(uri);
  } catch {
    return { error: "GRAPH_DB_URI is not a valid URI" };
  }
  if (u.protocol !== "redis:" && u.protocol !== "rediss:") {
    return {
      error: `GRAPH_DB_URI uses ${u.protocol}// but FalkorDB is reached with the Redis protocol (redis:// or rediss://); Bolt on 7687 is not what ctx| uses`
    };
  }
  const dbText = u.pathname.replace(/^\//, "");
  const db = dbText === "" ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0)
    return { error: `GRAPH_DB_URI names database "${dbText}", which is not a Redis database number` };
  const urlUser = decodeURIComponent(u.username);
  const urlPassword = decodeURIComponent(u.password);
  const password = urlPassword || env.GRAPH_DB_PASSWORD || void 0;
  return {
    host: u.hostname.replace(/^\[|\]$/g, ""),
    port: u.port ? Number(u.port) : 6379,
    db,
    tls: u.protocol === "rediss:",
    username: urlUser || env.GRAPH_DB_USER || "default",
    ...password ? { password } : {},
    passwordFrom: urlPassword ? "GRAPH_DB_URI" : env.GRAPH_DB_PASSWORD ? "GRAPH_DB_PASSWORD" : "none",
    display: displayUri(uri)
  };
}
var BOLT_SCHEMES = /* @__PURE__ */ new Set(["bolt:", "bolt+s:", "bolt+ssc:", "neo4j:", "neo4j+s:", "neo4j+ssc:"]);
function boltTarget(uri, variable) {
  let u;
  try {
    u = new URL(uri);
  } catch {
    return { error: `${variable} is not a valid URI` };
  }
  if (!BOLT_SCHEMES.has(u.protocol)) {
    const hint = u.protocol.startsWith("redis") ? " (a redis:// URI is for GRAPH_DB_PROVIDER=falkordb)" : "";
    return {
      error: `${variable} uses ${u.protocol}// but this provider is reached over Bolt (bolt://, bolt+s://, neo4j://, neo4j+s://)${hint}`
    };
  }
  const userinfoIgnored = u.username !== "" || u.password !== "";
  u.username = "";
  u.password = "";
  return {
    uri: u.toString().replace(/\/$/, ""),
    host: u.hostname.replace(/^\[|\]$/g, ""),
    port: u.port ? Number(u.port) : 7687,
    tls: u.protocol.includes("+s"),
    routing: u.protocol.startsWith("neo4j"),
    display: displayUri(uri),
    userinfoIgnored
  };
}
function boltCredentials(env) {
  return { user: env.GRAPH_DB_USER ?? "neo4j", password: env.GRAPH_DB_PASSWORD ?? "" };
}
var ORG_URI_PREFIX = "GRAPH_DB_URI_";
function orgUriVariables(raw) {
  const out = /* @__PURE__ */ new Map();
  for (const [k, v] of Object.entries(raw)) {
    if (k.startsWith(ORG_URI_PREFIX) && k.length > ORG_URI_PREFIX.length && v.trim() !== "")
      out.set(k.slice(ORG_URI_PREFIX.length), v.trim());
  }
  return out;
}
function nearMissVariable(slug, available) {
  const norm = (s) => s.toLowerCase().replace(/[-_.]/g, "");
  const want = norm(slug);
  for (const s of available) if (s !== slug && norm(s) === want) return `${ORG_URI_PREFIX}${s}`;
  return void 0;
}

// src/diagnostics/graph/bolt.ts
var CONCURRENCY = 4;
var TITLE = {
  falkordb: "FalkorDB",
  "neo4j-enterprise": "Neo4j Enterprise",
  memgraph: "Memgraph",
  "neo4j-community": "Neo4j Community",
  neptune: "Neptune"
};
async function probeBoltShared(env, provider, deps) {
  const { f, budget } = deps;
  const title = TITLE[provider];
  if (!env.GRAPH_DB_URI) {
    f.fail(
      `GRAPH_DB_URI is not set: ctx| falls back to ${DEFAULT_GRAPH_DB_URI}, which ${title} cannot serve; set GRAPH_DB_URI=bolt://<host>:7687`
    );
    return "GRAPH_DB_URI is not set";
  }
  const target = boltTarget(env.GRAPH_DB_URI, "GRAPH_DB_URI");
  if ("error" in target) {
    f.fail(target.error);
    return target.error;
  }
  noteUri(deps, target, "GRAPH_DB_URI");
  const creds = boltCredentials(env);
  const conn = await openBolt(target, creds, budget, deps.log);
  if (!conn.ok) {
    f.fail(`${conn.step}: ${describeGraphFailure(conn.failure, target.display)}`);
    f.info(nextStep(conn.failure.kind, "bolt"));
    return conn.failure.kind === "auth" ? `login to ${title} refused: check GRAPH_DB_USER / GRAPH_DB_PASSWORD` : `${title} unreachable: ${describeGraphFailure(conn.failure, target.display)}`;
  }
  try {
    reportLogin(deps, conn, target.display, creds.user, provider);
    const orgs = await deps.orgs;
    if (!orgs.ok) {
      f.info(
        `per-org checks skipped because Postgres is unavailable (${orgs.reason}); the connection checks above stand on their own`
      );
      return `${title} at ${target.display} (${conn.agent}): reachable (per-org checks skipped: Postgres unavailable)`;
    }
    const { list } = orgs;
    if (!list.orgs.length) {
      f.info("no organizations in Postgres yet: no per-org database to look for");
      return `${title} at ${target.display} (${conn.agent}): reachable, no organizations yet`;
    }
    const limit = pLimit(CONCURRENCY);
    const probes = await Promise.all(
      list.orgs.map(
        (org) => limit(async () => {
          if (budget.signal.aborted) return { org, state: { kind: "not-probed" } };
          const r = await countNodes(conn.driver, org.id, budget.signal);
          const note = r.state.kind === "error" && r.failure ? `database ${org.id}: ${describeGraphFailure(r.failure, target.display)}` : void 0;
          return { org, state: r.state, ...note ? { note } : {} };
        })
      )
    );
    const tally = reportOrgs(f, "bolt", probes, list.ingestion);
    const cap = capNote(list.orgs.length, list.total, "maxOrgs");
    if (cap) f.info(cap);
    const missing = probes.filter((p) => p.state.kind === "missing").length;
    if (missing && provider === "neo4j-enterprise") {
      f.info(
        "create each missing database as an admin on the system database: CREATE DATABASE `<org id>` (Neo4j Community has a single database: use GRAPH_DB_PROVIDER=neo4j-community with GRAPH_DB_URI_<orgSlug> per org instead)"
      );
    }
    const problems = tally.warn + tally.fail;
    return `${title} at ${target.display} (${conn.agent}): ${missing ? `${missing} of ${list.orgs.length} org databases missing` : `${list.orgs.length - problems} of ${list.orgs.length} org databases healthy`}`;
  } finally {
    await conn.close();
  }
}
async function probeBoltPerInstance(env, provider, deps) {
  const { f } = deps;
  const title = TITLE[provider];
  const vars = orgUriVariables(env.raw);
  if (env.GRAPH_DB_URI)
    f.info(
      `GRAPH_DB_URI is set but ${title} uses one instance per org: ctx| reads only GRAPH_DB_URI_<orgSlug> (no fallback)`
    );
  if (provider === "neptune") {
    f.info(
      "Neptune: checked per org are the URI, TCP/TLS, the Bolt handshake, a basic-auth login with GRAPH_DB_USER/GRAPH_DB_PASSWORD (what ctx| sends) and a read-only count; not checked: IAM database authentication (ctx| does not sign requests, so an IAM-enabled cluster refuses it), the cluster and instance state in AWS, security groups beyond reachability from this bot"
    );
  }
  const creds = boltCredentials(env);
  const orgs = await deps.orgs;
  if (!orgs.ok) {
    f.info(
      `per-org checks skipped because Postgres is unavailable (${orgs.reason}): which orgs need a GRAPH_DB_URI_<orgSlug> is unknown; probing the ${vars.size} variable(s) that are set`
    );
    if (!vars.size) {
      f.warn(`no ${ORG_URI_PREFIX}<orgSlug> variable is set: ${title} needs one per org`);
      return `${title}: no ${ORG_URI_PREFIX}<orgSlug> set (per-org checks skipped: Postgres unavailable)`;
    }
    const pseudo = [...vars.keys()].slice(0, deps.maxOrgs).map((slug) => ({ id: `${ORG_URI_PREFIX}${slug}`, slug, name: slug }));
    const probes2 = await probeInstances(pseudo, vars, creds, provider, deps);
    for (const p of probes2) {
      if (p.state.kind === "present")
        f.ok(
          `${ORG_URI_PREFIX}${p.org.slug}: ${p.note}: ${p.state.nodes === null ? "reachable" : `${thousands(p.state.nodes)} nodes`}`
        );
      else if (p.state.kind === "not-probed")
        f.warn(`${ORG_URI_PREFIX}${p.org.slug}: not probed, the check's deadline came first`);
      else f.fail(p.note ?? `${ORG_URI_PREFIX}${p.org.slug}: failed`);
    }
    const cap2 = capNote(pseudo.length, vars.size, "maxOrgs");
    if (cap2) f.info(cap2.replace("organizations", `${ORG_URI_PREFIX}* variables`));
    const bad = probes2.filter((p) => p.state.kind !== "present").length;
    return `${title}: ${probes2.length - bad} of ${probes2.length} instances reachable (per-org checks skipped: Postgres unavailable)`;
  }
  const { list } = orgs;
  if (!list.orgs.length) {
    f.info(`no organizations in Postgres yet: no ${ORG_URI_PREFIX}<orgSlug> is needed`);
    return `${title}: no organizations yet`;
  }
  const probes = await probeInstances(list.orgs, vars, creds, provider, deps);
  const tally = reportOrgs(f, "bolt", probes, list.ingestion);
  const cap = capNote(list.orgs.length, list.total, "maxOrgs");
  if (cap) f.info(cap);
  else {
    const slugs = new Set(list.orgs.map((o) => o.slug));
    const stale = [...vars.keys()].filter(
      (s) => !slugs.has(s) && !list.orgs.some((o) => nearMissVariable(o.slug, [s]))
    );
    if (stale.length)
      f.info(`${stale.map((s) => ORG_URI_PREFIX + s).join(", ")} match no organization slug (deleted org, or a typo)`);
  }
  const noUri = probes.filter((p) => p.state.kind === "no-uri").length;
  const problems = tally.warn + tally.fail;
  const parts = [
    noUri ? `${noUri} of ${list.orgs.length} orgs without ${ORG_URI_PREFIX}<orgSlug>` : "",
    problems - noUri > 0 ? `${problems - noUri} instance problem(s)` : ""
  ].filter(Boolean);
  return `${title}: ${parts.length ? parts.join(", ") : `all ${list.orgs.length} org instances healthy`}`;
}
async function probeInstances(orgs, vars, creds, provider, deps) {
  const { budget } = deps;
  const limit = pLimit(CONCURRENCY);
  return Promise.all(
    orgs.map(
      (org) => limit(async () => {
        const variable = `${ORG_URI_PREFIX}${org.slug}`;
        const uri = vars.get(org.slug);
        if (!uri) {
          const near = nearMissVariable(org.slug, vars.keys());
          const hint = near ? `; ${near} is set, but the name must match the slug exactly` : "";
          return {
            org,
            state: { kind: "no-uri" },
            note: `${variable} is not set: ctx| refuses this org's graph ("${variable} required for instance-per-tenant"); there is no fallback to GRAPH_DB_URI${hint}`
          };
        }
        const target = boltTarget(uri, variable);
        if ("error" in target) return { org, state: { kind: "error" }, note: target.error };
        if (budget.signal.aborted) return { org, state: { kind: "not-probed" } };
        const conn = await openBolt(target, creds, budget, deps.log);
        if (!conn.ok) {
          if (budget.signal.aborted && conn.failure.kind !== "timeout") return { org, state: { kind: "not-probed" } };
          const tlsHint = provider === "neptune" && !target.tls && ["reset", "timeout", "tls"].includes(conn.failure.kind) ? "; Neptune expects TLS: try bolt+s://" : "";
          return {
            org,
            state: { kind: "error" },
            note: `${variable} \u2192 ${target.display}: ${conn.step}: ${describeGraphFailure(conn.failure, target.display)}; ${nextStep(conn.failure.kind, "bolt")}${tlsHint}`
          };
        }
        try {
          const r = await countNodes(conn.driver, void 0, budget.signal);
          const mismatch = agentMismatch(provider, conn.agent);
          const seen = `instance ${target.display} (${conn.agent}, Bolt ${conn.protocol}, login as ${creds.user})`;
          if (r.state.kind === "present")
            return { org, state: r.state, note: mismatch ? `${seen}; ${mismatch}` : seen };
          const why = r.failure ? describeGraphFailure(r.failure, target.display) : "not probed before the deadline";
          return {
            org,
            state: r.state.kind === "not-probed" ? r.state : { kind: "error" },
            note: `${variable} \u2192 ${seen}: the count query failed: ${why}`
          };
        } finally {
          await conn.close();
        }
      })
    )
  );
}
function noteUri(deps, target, variable) {
  if (target.userinfoIgnored)
    deps.f.info(
      `${variable} carries credentials (not shown), which neo4j-driver ignores: ctx| logs in with GRAPH_DB_USER / GRAPH_DB_PASSWORD`
    );
  if (target.routing)
    deps.f.info(
      `${variable} uses neo4j://, so the driver asks for a routing table first (fine for a cluster; bolt:// talks to this one server)`
    );
}
function reportLogin(deps, conn, where, user, provider) {
  deps.f.ok(`Bolt handshake with ${where} in ${ms(conn.handshakeMs)}`);
  deps.f.ok(`logged in as ${user}: server ${conn.agent}, Bolt ${conn.protocol}`);
  const mismatch = agentMismatch(provider, conn.agent);
  if (mismatch) deps.f.warn(mismatch);
}

// src/diagnostics/graph/budget.ts
function budgetMs(timeoutMs) {
  return Math.max(50, timeoutMs - Math.min(500, Math.round(timeoutMs * 0.2)));
}
function createBudget(timeoutMs, outer) {
  const totalMs = budgetMs(timeoutMs);
  const started = performance.now();
  const signal = AbortSignal.any([outer, AbortSignal.timeout(totalMs)]);
  return {
    signal,
    totalMs,
    remainingMs: () => Math.max(0, Math.round(totalMs - (performance.now() - started)))
  };
}

// src/diagnostics/graph/falkordb-reply.ts
function parseCountReply(reply) {
  if (!Array.isArray(reply) || reply.length < 2) return null;
  const rows = reply[1];
  if (!Array.isArray(rows) || rows.length !== 1 || !Array.isArray(rows[0]) || rows[0].length < 1) return null;
  let cell = rows[0][0];
  if (Array.isArray(cell)) {
    if (cell.length !== 2 || Number(cell[0]) !== 3) return null;
    cell = cell[1];
  }
  const n2 = typeof cell === "number" ? cell : typeof cell === "string" && /^\d+$/.test(cell) ? Number(cell) : NaN;
  return Number.isSafeInteger(n2) && n2 >= 0 ? n2 : null;
}

// src/diagnostics/graph/falkordb.ts
var ioredisModule = lazyRequire("ioredis");
var COUNT_QUERY = "MATCH (n) RETURN count(n)";
function connectBounded(t, budget) {
  const client = new (ioredisModule()).Redis({
    host: t.host,
    port: t.port,
    lazyConnect: true,
    connectTimeout: Math.max(1, budget.remainingMs()),
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    reconnectOnError: () => false,
    // No INFO ready check and no CLIENT SETINFO: the check needs only PING, GRAPH.LIST and
    // GRAPH.RO_QUERY, so a least-privilege ACL user is enough.
    enableReadyCheck: false,
    disableClientInfo: true,
    enableOfflineQueue: false,
    // Our close destroys the socket itself; ioredis's own 2 s "still open?" timer would
    // otherwise outlive a socket that had already closed (an unresolvable host) and hold
    // `ctx-ops status` open for 2 s after its answer.
    disconnectTimeout: 1,
    autoResubscribe: false,
    autoResendUnfulfilledCommands: false,
    ...t.tls ? { tls: { servername: t.host } } : {}
  });
  let socketError;
  client.on("error", (err) => socketError = err);
  const close = () => {
    client.disconnect(false);
    client.stream?.destroy();
  };
  budget.signal.addEventListener("abort", close, { once: true });
  return {
    client,
    socketError: () => socketError,
    close() {
      budget.signal.removeEventListener("abort", close);
      close();
    }
  };
}
async function probeFalkorDb(env, deps) {
  const { f, budget } = deps;
  if (!env.GRAPH_DB_URI) f.info(`GRAPH_DB_URI is not set: ctx| uses its default ${DEFAULT_GRAPH_DB_URI}`);
  const target = redisTarget(env.GRAPH_DB_URI ?? DEFAULT_GRAPH_DB_URI, env);
  if ("error" in target) {
    f.fail(target.error);
    return target.error;
  }
  const where = target.display;
  await ioredisModule.soon();
  const conn = connectBounded(target, budget);
  let step = "connecting";
  const started = performance.now();
  const fail = (err) => {
    let failure2;
    if (budget.signal.aborted) {
      const reached = step === "connecting" ? "no TCP connection" : `connected, but no answer to ${step}`;
      failure2 = { kind: "timeout", message: `${reached} within ${budget.totalMs} ms` };
    } else {
      failure2 = classifyRedisError(err, conn.socketError());
    }
    if (failure2.kind === "auth" && failure2.code === "NOAUTH" && !target.password) {
      f.fail(
        `${where} requires a password, but neither GRAPH_DB_PASSWORD nor GRAPH_DB_URI has one (${failure2.message})`
      );
    } else {
      f.fail(`${step}: ${describeGraphFailure(failure2, where)}`);
    }
    f.info(nextStep(failure2.kind, "falkordb"));
    return failure2.kind === "module-missing" ? `${where} is Redis without the FalkorDB module` : failure2.kind === "auth" ? `login to FalkorDB refused (${failure2.code ?? "auth"}): check GRAPH_DB_USER / GRAPH_DB_PASSWORD` : `FalkorDB unreachable: ${describeGraphFailure(failure2, where)}`;
  };
  try {
    await raceAbort(conn.client.connect(), budget.signal);
    f.ok(`TCP${target.tls ? "+TLS" : ""} connection to ${where} in ${ms(performance.now() - started)}`);
    const call = (...args) => raceAbort(conn.client.call(args[0], ...args.slice(1)), budget.signal);
    if (target.password) {
      step = "AUTH";
      await call("AUTH", target.username, target.password);
      f.ok(`AUTH as ${target.username} accepted (password from ${target.passwordFrom})`);
    } else {
      f.info(`no password configured (GRAPH_DB_PASSWORD unset): connecting as ${target.username} without AUTH`);
    }
    if (target.db !== 0) {
      step = `SELECT ${target.db}`;
      await call("SELECT", String(target.db));
    }
    step = "PING";
    const pingStarted = performance.now();
    const pong = await call("PING");
    if (pong !== "PONG") {
      f.fail(
        `PING answered ${JSON.stringify(String(pong).slice(0, 40))} instead of PONG: ${where} is not a Redis-protocol server`
      );
      return `${where} does not answer like FalkorDB`;
    }
    f.ok(`PING \u2192 PONG in ${ms(performance.now() - pingStarted)}`);
    step = "GRAPH.LIST";
    const listed = await call("GRAPH.LIST");
    const graphs = Array.isArray(listed) ? listed.map(String) : [];
    f.ok(`GRAPH.LIST: the FalkorDB module answers, ${graphs.length} graph${graphs.length === 1 ? "" : "s"}`);
    const orgs = await deps.orgs;
    if (!orgs.ok) {
      f.info(
        `per-org checks skipped because Postgres is unavailable (${orgs.reason}); the connection checks above stand on their own`
      );
      if (graphs.length)
        f.info(
          `graphs on the server: ${graphs.slice(0, 10).join(", ")}${graphs.length > 10 ? ` and ${graphs.length - 10} more` : ""}`
        );
      return `FalkorDB at ${where}: ${graphs.length} graph${graphs.length === 1 ? "" : "s"} (per-org checks skipped: Postgres unavailable)`;
    }
    const { list } = orgs;
    if (!list.orgs.length) {
      f.info("no organizations in Postgres yet: nothing to compare the graphs with");
      return `FalkorDB at ${where}: ${graphs.length} graph${graphs.length === 1 ? "" : "s"}, no organizations yet`;
    }
    step = "GRAPH.RO_QUERY";
    const present = new Set(graphs);
    const probes = await Promise.all(
      list.orgs.map(async (org) => {
        if (!present.has(org.id)) return { org, state: { kind: "missing" } };
        try {
          const reply = await call("GRAPH.RO_QUERY", org.id, COUNT_QUERY, "--compact");
          const nodes = parseCountReply(reply);
          if (nodes === null)
            return { org, state: { kind: "error" }, note: `GRAPH.RO_QUERY ${org.id} answered in an unexpected shape` };
          return { org, state: { kind: "present", nodes } };
        } catch (err) {
          if (budget.signal.aborted) return { org, state: { kind: "not-probed" } };
          const failure2 = classifyRedisError(err, conn.socketError());
          return {
            org,
            state: { kind: "error" },
            note: `GRAPH.RO_QUERY ${org.id} failed: ${describeGraphFailure(failure2, where)}`
          };
        }
      })
    );
    const tally = reportOrgs(f, "falkordb", probes, list.ingestion);
    const cap = capNote(list.orgs.length, list.total, "maxOrgs");
    if (cap) f.info(cap);
    if (list.ingestion === null)
      f.info('the repositories table could not be read, so a missing graph cannot be told from "nothing ingested yet"');
    if (!cap) {
      const known = new Set(list.orgs.map((o) => o.id));
      const orphans = graphs.filter((g) => !known.has(g));
      if (orphans.length)
        f.info(
          `${orphans.length} graph(s) belong to no organization in Postgres (deleted orgs or other apps): ${orphans.slice(0, 5).join(", ")}${orphans.length > 5 ? " \u2026" : ""}`
        );
    }
    const problems = tally.warn + tally.fail;
    return `FalkorDB at ${where}: ${list.orgs.length - problems} of ${list.orgs.length} orgs healthy${list.total > list.orgs.length ? ` (first ${list.orgs.length} of ${list.total})` : ""}, ${thousands(tally.nodes)} nodes`;
  } catch (err) {
    return fail(err);
  } finally {
    conn.close();
  }
}

// src/diagnostics/graph/orgs.ts
async function readOrgs(pg, signal, max) {
  return pg.withClient(signal, async (client) => {
    const { rows } = await client.query(
      `SELECT id, slug, name, count(*) OVER () AS total
         FROM organizations
        ORDER BY created_at, id
        LIMIT $1`,
      [max]
    );
    const orgs = rows.map(({ id, slug, name }) => ({ id, slug, name }));
    const total = rows.length ? Number(rows[0].total) : 0;
    let ingestion = null;
    if (orgs.length) {
      try {
        const r = await client.query(
          `SELECT org_id, count(*) AS repositories, count(last_ingested_at) AS ingested
             FROM repositories WHERE org_id = ANY($1) GROUP BY org_id`,
          [orgs.map((o) => o.id)]
        );
        ingestion = new Map(orgs.map((o) => [o.id, { repositories: 0, ingested: 0 }]));
        for (const row of r.rows)
          ingestion.set(row.org_id, { repositories: Number(row.repositories), ingested: Number(row.ingested) });
      } catch (err) {
        if (signal.aborted) throw err;
        ingestion = null;
      }
    }
    return { orgs, total, ingestion };
  });
}
async function loadOrgs(pg, signal, max) {
  if (!pg) return { ok: false, reason: "DATABASE_URL is not set" };
  try {
    return { ok: true, list: await readOrgs(pg, signal, max) };
  } catch (err) {
    if (err.code === "42P01")
      return { ok: false, reason: `table organizations does not exist in ${pg.target} (have the migrations run?)` };
    if (signal.aborted) return { ok: false, reason: `no answer from ${pg.target} before the deadline` };
    return { ok: false, reason: describeFailure(classifyPgError(err), pg.target) };
  }
}

// src/diagnostics/checks/graph.ts
var graphCheck = {
  id: "graph",
  title: "Graph DB",
  dependsOn: ["postgres"],
  options: {
    maxOrgs: number2().int().positive().max(1e3).default(50)
  },
  async run(ctx, signal) {
    const f = findings();
    const env = ctx.env.ctx;
    const provider = env.GRAPH_DB_PROVIDER;
    const budget = createBudget(ctx.options.timeoutMs, signal);
    f.info(`GRAPH_DB_PROVIDER=${provider} (${tenancyOf(provider)})`);
    const orgs = loadOrgs(ctx.pg, budget.signal, ctx.options.maxOrgs);
    const deps = { f, budget, log: ctx.log, orgs, maxOrgs: ctx.options.maxOrgs };
    const summary = provider === "falkordb" ? await probeFalkorDb(env, deps) : tenancyOf(provider) === "database-per-tenant" ? await probeBoltShared(env, provider, deps) : await probeBoltPerInstance(env, provider, deps);
    await orgs;
    return { ...f.done(summary, f.status === "fail" ? { runbook: "graph-fails" } : {}), independent: true };
  }
};

// src/diagnostics/openworkflow-runs.ts
async function openWorkflowSchemaState(client, schema) {
  const quoted = quoteIdentifier(schema);
  if (!quoted) return { kind: "invalid-name", schema };
  if (!await schemaExists(client, schema)) {
    const defaultSchemaHasTables = schema !== "openworkflow" && (await missingTables(client, ['"openworkflow".workflow_runs'])).length === 0;
    return { kind: "no-schema", schema, defaultSchemaHasTables };
  }
  const missing = await missingTables(client, [`${quoted}.workflow_runs`, `${quoted}.step_attempts`]);
  if (missing.length) return { kind: "no-tables", schema, missing: missing.map((m) => m.replace(/"/g, "")) };
  return { kind: "ok", schema, quoted };
}
function filterSql(filter, first, alias = "") {
  if (!filter) return { sql: "TRUE", params: [] };
  const col = `${alias}workflow_name`;
  return {
    sql: `(${col} = ANY($${first}::text[]) OR ${col} LIKE ANY($${first + 1}::text[]))`,
    params: [filter.names ?? [], filter.patterns ?? []]
  };
}
var errorMessage = (col) => `coalesce(${col}->>'message', CASE WHEN jsonb_typeof(${col}) = 'string' THEN ${col} #>> '{}' END)`;
async function failuresByWorkflow(client, quoted, windowMs, filter) {
  const f = filterSql(filter, 2);
  const { rows } = await client.query(
    `WITH failed AS (
       SELECT namespace_id, id, workflow_name, coalesce(finished_at, updated_at) AS at, ${errorMessage("error")} AS message
         FROM ${quoted}.workflow_runs
        WHERE status = 'failed' AND coalesce(finished_at, updated_at) >= now() - make_interval(secs => $1::double precision / 1000) AND ${f.sql}
     ), latest AS (
       SELECT DISTINCT ON (workflow_name) workflow_name, namespace_id, id, at, message FROM failed ORDER BY workflow_name, at DESC
     ), counts AS (
       SELECT workflow_name, count(*)::int AS failures FROM failed GROUP BY workflow_name
     )
     SELECT l.workflow_name, c.failures, (extract(epoch FROM now() - l.at) * 1000)::text AS last_ago_ms, l.message AS last_error,
            (SELECT sa.step_name FROM ${quoted}.step_attempts sa
              WHERE sa.namespace_id = l.namespace_id AND sa.workflow_run_id = l.id AND sa.status = 'failed'
              ORDER BY sa.created_at DESC LIMIT 1) AS last_step
       FROM latest l JOIN counts c USING (workflow_name)
      ORDER BY c.failures DESC, l.workflow_name`,
    [windowMs, ...f.params]
  );
  return rows.map((r) => ({
    workflowName: r.workflow_name,
    failures: r.failures,
    lastAgoMs: Number(r.last_ago_ms),
    lastError: r.last_error,
    lastStep: r.last_step
  }));
}
async function queueOverview(client, quoted, t, filter) {
  const f = filterSql(filter, 3);
  const { rows } = await client.query(
    `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
            count(*) FILTER (WHERE status <> 'pending')::int AS running,
            count(*) FILTER (WHERE status = 'running' AND worker_id IS NOT NULL AND available_at > now())::int AS "liveLeases",
            count(DISTINCT worker_id) FILTER (WHERE status = 'running' AND worker_id IS NOT NULL AND available_at > now())::int AS "liveWorkers",
            count(*) FILTER (WHERE available_at <= now() - make_interval(secs => $1::double precision / 1000))::int AS overdue,
            count(*) FILTER (WHERE deadline_at <= now())::int AS "pastDeadline",
            count(*) FILTER (WHERE status = 'running' AND started_at <= now() - make_interval(secs => $2::double precision / 1000))::int AS "longRunning"
       FROM ${quoted}.workflow_runs
      WHERE status IN ('pending', 'running', 'sleeping') AND ${f.sql}`,
    [t.overdueMs, t.longRunningMs, ...f.params]
  );
  return rows[0];
}
function runProblem(r, t) {
  if (r.pastDeadlineMs !== null && r.pastDeadlineMs >= 0) return "past-deadline";
  if (r.overdueMs !== null && r.overdueMs >= t.overdueMs) {
    if (r.status === "pending") return "waiting";
    if (r.status === "running" && r.workerId) return "lease-expired";
    return "not-resumed";
  }
  if (r.status === "running" && r.runningMs !== null && r.runningMs >= t.longRunningMs) return "long-running";
  return null;
}
function describeProblemRun(r) {
  const name = `${r.workflowName} run ${r.id.slice(0, 8)}`;
  const retry = r.lastError ? `; retrying after: ${excerpt(r.lastError, 120)}` : "";
  switch (r.problem) {
    case "past-deadline":
      return `${name} is ${r.status} ${roughDuration(r.pastDeadlineMs ?? 0)} past its deadline_at: a polling worker fails such runs at once, so none has polled since`;
    case "waiting":
      return `${name} waiting to be picked up for ${roughDuration(r.overdueMs ?? 0)}${retry}`;
    case "lease-expired":
      return `${name} held by worker ${r.workerId}, whose lease expired ${roughDuration(r.overdueMs ?? 0)} ago: that worker stopped heartbeating${r.currentStep ? ` (in step ${r.currentStep})` : ""}`;
    case "not-resumed":
      return `${name} parked and due to resume ${roughDuration(r.overdueMs ?? 0)} ago`;
    case "long-running":
      return `${name} running for ${roughDuration(r.runningMs ?? 0)}${r.currentStep ? ` (step ${r.currentStep})` : ""} on worker ${r.workerId ?? "none"}`;
  }
}
async function problemRuns(client, quoted, t, filter, limit = 10) {
  const f = filterSql(filter, 4, "r.");
  const { rows } = await client.query(
    `SELECT r.id, r.workflow_name, r.status, r.worker_id,
            (extract(epoch FROM now() - r.available_at) * 1000)::text AS overdue_ms,
            (extract(epoch FROM now() - r.deadline_at) * 1000)::text AS past_deadline_ms,
            CASE WHEN r.status = 'running' THEN (extract(epoch FROM now() - r.started_at) * 1000)::text END AS running_ms,
            (extract(epoch FROM now() - r.created_at) * 1000)::text AS age_ms,
            (SELECT sa.step_name FROM ${quoted}.step_attempts sa
              WHERE sa.namespace_id = r.namespace_id AND sa.workflow_run_id = r.id AND sa.status = 'running'
              ORDER BY sa.created_at DESC LIMIT 1) AS current_step,
            ${errorMessage("r.error")} AS last_error
       FROM ${quoted}.workflow_runs r
      WHERE r.status IN ('pending', 'running', 'sleeping') AND ${f.sql}
        AND (r.deadline_at <= now()
             OR r.available_at <= now() - make_interval(secs => $1::double precision / 1000)
             OR (r.status = 'running' AND r.started_at <= now() - make_interval(secs => $2::double precision / 1000)))
      ORDER BY coalesce(least(r.deadline_at, r.available_at), r.started_at, r.created_at)
      LIMIT $3`,
    [t.overdueMs, t.longRunningMs, limit, ...f.params]
  );
  const num = (v) => v === null ? null : Number(v);
  const out = [];
  for (const r of rows) {
    const run = {
      id: r.id,
      workflowName: r.workflow_name,
      status: r.status,
      workerId: r.worker_id,
      overdueMs: num(r.overdue_ms),
      pastDeadlineMs: num(r.past_deadline_ms),
      runningMs: num(r.running_ms),
      ageMs: Number(r.age_ms),
      currentStep: r.current_step,
      lastError: r.last_error
    };
    const problem = runProblem(run, t);
    if (problem) out.push({ ...run, problem });
  }
  return out;
}
async function oldestDue(client, quoted, filter) {
  const f = filterSql(filter, 1);
  const { rows } = await client.query(
    `SELECT workflow_name, status, worker_id IS NOT NULL AS leased, (extract(epoch FROM now() - available_at) * 1000)::text AS due_ms, attempts
       FROM ${quoted}.workflow_runs
      WHERE status IN ('pending', 'running', 'sleeping') AND available_at <= now() AND ${f.sql}
      ORDER BY available_at LIMIT 1`,
    f.params
  );
  const r = rows[0];
  return r ? {
    workflowName: r.workflow_name,
    status: r.status,
    leased: r.leased && r.status === "running",
    dueMs: Number(r.due_ms),
    attempts: r.attempts
  } : null;
}
async function retryingRuns(client, quoted, windowMs, filter, limit = 10) {
  const f = filterSql(filter, 3, "r.");
  const since = `now() - make_interval(secs => $1::double precision / 1000)`;
  const at = "coalesce(sa.finished_at, sa.created_at)";
  const { rows } = await client.query(
    `SELECT r.id, r.workflow_name, r.status,
            CASE WHEN jsonb_typeof(r.input) = 'object' THEN r.input->>'repositoryId' END AS repository_id,
            CASE WHEN jsonb_typeof(r.input) = 'object' THEN r.input->>'orgId' END AS org_id,
            fa.failed_in_window, fa.failed_total,
            (extract(epoch FROM now() - fa.first_at) * 1000)::text AS first_ago_ms,
            (extract(epoch FROM now() - fa.last_at) * 1000)::text AS last_ago_ms,
            la.step_name AS last_step, la.message AS last_error,
            ${errorMessage("r.error")} AS run_error,
            CASE WHEN r.status = 'pending' AND r.available_at > now() THEN (extract(epoch FROM r.available_at - now()) * 1000)::text END AS next_retry_ms
       FROM ${quoted}.workflow_runs r
       CROSS JOIN LATERAL (
         SELECT count(*) FILTER (WHERE ${at} >= ${since})::int AS failed_in_window,
                count(*)::int AS failed_total,
                min(${at}) FILTER (WHERE ${at} >= ${since}) AS first_at,
                max(${at}) AS last_at
           FROM ${quoted}.step_attempts sa
          WHERE sa.namespace_id = r.namespace_id AND sa.workflow_run_id = r.id AND sa.status = 'failed'
       ) fa
       LEFT JOIN LATERAL (
         SELECT sa.step_name, ${errorMessage("sa.error")} AS message
           FROM ${quoted}.step_attempts sa
          WHERE sa.namespace_id = r.namespace_id AND sa.workflow_run_id = r.id AND sa.status = 'failed'
          ORDER BY ${at} DESC LIMIT 1
       ) la ON TRUE
      WHERE r.status IN ('pending', 'running', 'sleeping') AND ${f.sql}
        AND (fa.failed_in_window > 0 OR (r.error IS NOT NULL AND r.updated_at >= ${since}))
      ORDER BY fa.failed_in_window DESC, fa.last_at DESC NULLS LAST, r.id
      LIMIT $2`,
    [windowMs, limit, ...f.params]
  );
  const num = (v) => v === null ? null : Number(v);
  return rows.map((r) => ({
    id: r.id,
    workflowName: r.workflow_name,
    status: r.status,
    repositoryId: r.repository_id,
    orgId: r.org_id,
    failedInWindow: r.failed_in_window,
    failedTotal: r.failed_total,
    firstAgoMs: num(r.first_ago_ms),
    lastAgoMs: num(r.last_ago_ms),
    lastStep: r.last_step,
    lastError: r.last_error,
    runError: r.run_error,
    nextRetryInMs: num(r.next_retry_ms)
  }));
}
function describeRetries(r, windowMinutes) {
  const error2 = r.lastError ?? r.runError;
  const when = [
    r.firstAgoMs !== null && r.failedInWindow > 1 ? `first ${roughDuration(r.firstAgoMs)} ago` : "",
    r.lastAgoMs !== null ? `latest ${roughDuration(r.lastAgoMs)} ago` : "",
    r.lastStep ? `step ${r.lastStep}` : ""
  ].filter(Boolean).join(", ");
  const count = r.failedInWindow ? `${r.failedInWindow} failed step attempt${r.failedInWindow === 1 ? "" : "s"} in the last ${windowMinutes} min${r.failedTotal > r.failedInWindow ? ` (${r.failedTotal} in all)` : ""}` : "a failed attempt, kept as the run's error";
  const next = r.nextRetryInMs !== null ? `; the run is pending, next attempt in ${roughDuration(r.nextRetryInMs)}` : `; the run is ${r.status}`;
  return `${count}${when ? ` (${when})` : ""}${error2 ? `: ${excerpt(error2)}` : ""}${next}`;
}
var INGESTION_WORKFLOWS = ["repository-ingestion", "repository-index"];

// src/diagnostics/checks/indexing.ts
function effectiveStatus(indexingStatus, indexReady) {
  return indexingStatus ?? (indexReady ? "ready" : "running");
}
function classifyRepo(r, t) {
  const status = effectiveStatus(r.indexingStatus, r.indexReady);
  const active = status === "queued" || status === "running";
  const attempts = r.failedAttempts ?? 0;
  if (status === "failed") return "failed";
  if (active && attempts >= (t.failingAttempts ?? 3)) return "failing";
  if (active && r.idleMs >= t.stuckMs) return "stuck";
  if (status === "unindexing") return "unindexing";
  if (!r.indexReady && !r.everIngested && r.ageMs >= t.neverIndexedMs) return "never-indexed";
  if (active && attempts > 0) return "retrying";
  if (active) return "indexing";
  if (status === "complete_with_issues") return "issues";
  return "ready";
}
function indexingVerdict(c) {
  if (c.failed > 0 || c.failing > 0 || c.stuck > 0) return "fail";
  if (c["never-indexed"] > 0 || c.retrying > 0) return "warn";
  return "ok";
}
function indexingSummary(c, longestStuck) {
  const total = Object.values(c).reduce((a, b) => a + b, 0);
  if (total === 0) return "no repositories connected yet";
  const parts = [`${c.ready + c.issues} ready${c.issues ? ` (${c.issues} with issues)` : ""}`];
  if (c.failed) parts.push(`${c.failed} failed`);
  if (c.failing) parts.push(`${c.failing} failing while running (ingestion retrying)`);
  if (c.stuck && longestStuck) {
    const how = `${longestStuck.status} for ${roughDuration(longestStuck.idleMs)}`;
    parts.push(c.stuck === 1 ? `1 stuck ${how}` : `${c.stuck} stuck (longest ${how})`);
  }
  if (c["never-indexed"]) parts.push(`${c["never-indexed"]} never indexed`);
  if (c.retrying) parts.push(`${c.retrying} indexing with failed attempts`);
  if (c.indexing) parts.push(`${c.indexing} indexing`);
  if (c.unindexing) parts.push(`${c.unindexing} unindexing`);
  return parts.join(", ");
}
async function ingestionRuns(client, schema, windowMs) {
  const state = await openWorkflowSchemaState(client, schema);
  if (state.kind !== "ok")
    return {
      runs: /* @__PURE__ */ new Map(),
      runsNote: `ingestion runs not read: OpenWorkflow's tables are not in schema ${schema} (see the worker check)`
    };
  try {
    const runs = await retryingRuns(client, state.quoted, windowMs, { names: [...INGESTION_WORKFLOWS] }, 200);
    const byRepo = /* @__PURE__ */ new Map();
    for (const r of runs) if (r.repositoryId && !byRepo.has(r.repositoryId)) byRepo.set(r.repositoryId, r);
    return { runs: byRepo };
  } catch (err) {
    if (!isStatementError(err)) throw err;
    return {
      runs: /* @__PURE__ */ new Map(),
      runsNote: `ingestion runs not read (${err.message}): grant SELECT on ${schema}.workflow_runs and ${schema}.step_attempts to see failing attempts`
    };
  }
}
var MAX_ROWS = 2e3;
var SHOWN = 8;
var indexingCheck = {
  id: "indexing",
  title: "Indexing",
  dependsOn: ["postgres"],
  options: {
    stuckHours: number2().positive().default(2),
    neverIndexedHours: number2().positive().default(24),
    retryWindowMinutes: number2().positive().default(60),
    failingAttempts: number2().int().positive().default(3)
  },
  async run(ctx, signal) {
    const f = findings();
    if (!ctx.pg) {
      f.fail("DATABASE_URL is not set: repository state lives in ctx|'s Postgres");
      return f.done("DATABASE_URL is not set");
    }
    const pg = ctx.pg;
    const stuckMs = ctx.options.stuckHours * 36e5;
    const neverIndexedMs = ctx.options.neverIndexedHours * 36e5;
    let read;
    try {
      read = await pg.withClient(signal, async (client) => {
        const missing = await missingTables(client, ["repositories", "organizations"]);
        if (missing.includes("repositories")) return { missing, plainReady: 0, rows: [], runs: /* @__PURE__ */ new Map() };
        const org = missing.includes("organizations") ? "r.org_id" : "coalesce(o.slug, r.org_id)";
        const join3 = missing.includes("organizations") ? "" : "LEFT JOIN organizations o ON o.id = r.org_id";
        const plain = `r.index_ready AND coalesce(r.indexing_status::text, 'ready') = 'ready'`;
        const counted = await client.query(
          `SELECT count(*)::int AS n FROM repositories r WHERE ${plain}`
        );
        const { rows: rows2 } = await client.query(
          `SELECT r.id, r.name, ${org} AS org, r.indexing_status::text AS indexing_status, r.index_ready, r.indexing_error,
                  (extract(epoch FROM now() - r.indexing_failed_at) * 1000)::text AS failed_ago_ms,
                  r.last_ingested_at IS NOT NULL AS ever_ingested, r.indexing_step_key AS step_key,
                  (extract(epoch FROM now() - r.updated_at) * 1000)::text AS idle_ms,
                  (extract(epoch FROM now() - r.created_at) * 1000)::text AS age_ms
             FROM repositories r ${join3}
            WHERE NOT (${plain})
            ORDER BY r.updated_at
            LIMIT ${MAX_ROWS + 1}`
        );
        const ingestion = await ingestionRuns(
          client,
          ctx.env.ctx.OPENWORKFLOW_POSTGRES_SCHEMA,
          ctx.options.retryWindowMinutes * 6e4
        );
        return { missing, plainReady: counted.rows[0]?.n ?? 0, rows: rows2, ...ingestion };
      });
    } catch (err) {
      if (signal.aborted) throw err;
      f.fail(describeReadError(err, "table repositories", pg.target));
      return f.done("cannot read repositories");
    }
    if (read.missing.includes("repositories")) {
      f.fail(
        "table repositories does not exist: ctx|'s migrations have not run against this database (see the migrations check)"
      );
      return f.done("no repositories table");
    }
    if (read.missing.includes("organizations"))
      f.info("table organizations is missing: repositories are named with their org id");
    const truncated = read.rows.length > MAX_ROWS;
    const rows = read.rows.slice(0, MAX_ROWS);
    const counts = {
      ready: read.plainReady,
      issues: 0,
      failed: 0,
      failing: 0,
      stuck: 0,
      retrying: 0,
      indexing: 0,
      "never-indexed": 0,
      unindexing: 0
    };
    const by = {
      ready: [],
      issues: [],
      failed: [],
      failing: [],
      stuck: [],
      retrying: [],
      indexing: [],
      "never-indexed": [],
      unindexing: []
    };
    for (const row of rows) {
      const facts = {
        indexingStatus: row.indexing_status,
        indexReady: row.index_ready,
        everIngested: row.ever_ingested,
        idleMs: Number(row.idle_ms),
        ageMs: Number(row.age_ms),
        failedAttempts: read.runs.get(row.id)?.failedInWindow ?? 0
      };
      const state = classifyRepo(facts, { stuckMs, neverIndexedMs, failingAttempts: ctx.options.failingAttempts });
      counts[state]++;
      by[state].push({ ...row, idleMs: facts.idleMs, ageMs: facts.ageMs });
    }
    const label = (r) => `${r.name} (org ${r.org})`;
    const more = (n2) => n2 > SHOWN ? [`${n2 - SHOWN} more not listed`] : [];
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    if (total === 0) f.info("no repositories connected yet");
    else f.ok(`${counts.ready + counts.issues} of ${total} repositories indexed and searchable`);
    const failedAgo = (r) => r.failed_ago_ms === null ? Infinity : Number(r.failed_ago_ms);
    by.failed.sort((a, b) => failedAgo(a) - failedAgo(b));
    for (const r of by.failed.slice(0, SHOWN)) {
      const when = r.failed_ago_ms === null ? "" : ` ${roughDuration(Number(r.failed_ago_ms))} ago`;
      const never2 = r.ever_ingested ? "" : " (never indexed successfully)";
      const error2 = r.indexing_error ? `: ${excerpt(r.indexing_error)}` : ": no error recorded";
      f.fail(`${label(r)} failed${when}${never2}${error2}`);
    }
    more(by.failed.length).forEach((t) => f.info(`failed: ${t}`));
    const retryText = (r) => {
      const run = read.runs.get(r.id);
      return `${label(r)} ${effectiveStatus(r.indexing_status, r.index_ready)}, but its ${run.workflowName} run ${run.id.slice(0, 8)} keeps failing: ${describeRetries(run, ctx.options.retryWindowMinutes)}`;
    };
    for (const r of by.failing.slice(0, SHOWN)) {
      f.fail(
        `${retryText(r)}. OpenWorkflow retries it with backoff and only then marks the repository failed; fix the cause (the error above), then reindex`
      );
    }
    more(by.failing.length).forEach((t) => f.info(`failing while running: ${t}`));
    for (const r of by.retrying.slice(0, SHOWN))
      f.warn(`${retryText(r)} (fewer than ${ctx.options.failingAttempts} in the window: may be transient)`);
    more(by.retrying.length).forEach((t) => f.info(`indexing with failed attempts: ${t}`));
    if (read.runsNote) f.info(read.runsNote);
    for (const r of by.stuck.slice(0, SHOWN)) {
      const status = effectiveStatus(r.indexing_status, r.index_ready);
      const unset = r.indexing_status === null ? " (status unset, index not ready: ctx| shows it as running)" : "";
      if (status === "queued") {
        f.fail(
          `${label(r)} queued with no progress for ${roughDuration(r.idleMs)}: no worker has started its ingestion (see the worker check)`
        );
      } else {
        const step = r.step_key ? ` at step ${r.step_key}` : "";
        f.fail(
          `${label(r)} running${step}${unset} with no progress for ${roughDuration(r.idleMs)}: the ingestion died or hangs; ctx| reclaims a running claim only after 6 h and only when something re-enqueues it (reindex)`
        );
      }
    }
    more(by.stuck.length).forEach((t) => f.info(`stuck: ${t}`));
    for (const r of by["never-indexed"].slice(0, SHOWN)) {
      const now = effectiveStatus(r.indexing_status, r.index_ready);
      f.warn(`${label(r)} connected ${roughDuration(r.ageMs)} ago and never indexed (now ${now})`);
    }
    more(by["never-indexed"].length).forEach((t) => f.info(`never indexed: ${t}`));
    if (by.indexing.length)
      f.info(
        `${by.indexing.length} indexing now, with progress within ${ctx.options.stuckHours} h: ${listSome(by.indexing.map(label), 3)}`
      );
    if (by.unindexing.length)
      f.info(`${by.unindexing.length} being removed (unindexing): ${listSome(by.unindexing.map(label), 3)}`);
    for (const r of by.issues.slice(0, 3))
      f.info(`${label(r)} indexed with issues: ${excerpt(r.indexing_error) || "no detail recorded"}`);
    if (truncated)
      f.info(
        `more than ${MAX_ROWS} repositories need attention; only the ${MAX_ROWS} least recently updated were read`
      );
    const verdict = indexingVerdict(counts);
    if (verdict !== "ok") {
      f.info(
        "next: fix the cause (codesearch logs for clone/index errors, GitHub App access, the worker), then reindex the repository from the UI"
      );
    }
    const longest = by.stuck[0] ? { status: effectiveStatus(by.stuck[0].indexing_status, by.stuck[0].index_ready), idleMs: by.stuck[0].idleMs } : null;
    return f.done(indexingSummary(counts, longest), verdict === "ok" ? {} : { runbook: "repo-not-indexed" });
  }
};

// src/diagnostics/checks/worker.ts
function queueVerdict(oldestDueMs, liveLeases, stalledMs) {
  if (oldestDueMs === null || oldestDueMs < stalledMs) return "ok";
  return liveLeases > 0 ? "warn" : "fail";
}
function runProblemStatus(p) {
  if (p === "past-deadline") return "fail";
  if (p === "long-running") return "warn";
  return "info";
}
function dueText(d) {
  const what = d.status === "pending" ? "waiting to be picked up" : d.leased ? "held under an expired lease" : "due to resume";
  return `${d.workflowName} ${what} for ${roughDuration(d.dueMs)}`;
}
function reportSchemaState(f, state) {
  switch (state.kind) {
    case "invalid-name":
      f.fail(
        `OPENWORKFLOW_POSTGRES_SCHEMA=${JSON.stringify(state.schema)} is not a Postgres identifier (OpenWorkflow refuses it too)`
      );
      return "invalid OPENWORKFLOW_POSTGRES_SCHEMA";
    case "no-tables":
      f.fail(
        `schema ${state.schema} exists but ${state.missing.join(" and ")} do not: OpenWorkflow's migrations (run when the backend or worker starts) did not finish; check their startup logs`
      );
      return `OpenWorkflow tables missing in schema ${state.schema}`;
    case "no-schema":
      f.fail(
        `schema ${state.schema} does not exist: OpenWorkflow creates it when ctx|'s backend or worker first connects, so the worker has never started against this database and ingestion, Confluence sync and Forge provisioning never run`
      );
      return `the worker never started: schema ${state.schema} does not exist`;
  }
}
function failureLine(g, windowHours) {
  const step = g.lastStep ? ` in step ${g.lastStep}` : "";
  const error2 = g.lastError ? `: ${excerpt(g.lastError)}` : "";
  return `${g.workflowName}: ${g.failures} failed in ${windowHours} h; latest ${roughDuration(g.lastAgoMs)} ago${step}${error2}`;
}
function retryingLine(r, windowMinutes, repos) {
  const repo = r.repositoryId ? ` for repository ${repos.get(r.repositoryId) ?? r.repositoryId}` : "";
  return `${r.workflowName} run ${r.id.slice(0, 8)}${repo} keeps failing and is being retried: ${describeRetries(r, windowMinutes)}`;
}
var LISTED_RUNS = 8;
function workerRunbook(workflows) {
  return workflows.length > 0 && workflows.every((w) => /^(forge-|confluence-)/.test(w)) ? "confluence-stalls" : "repo-not-indexed";
}
var workerCheck = {
  id: "worker",
  title: "Worker",
  dependsOn: ["postgres"],
  options: {
    stalledMinutes: number2().positive().default(10),
    runningHours: number2().positive().default(6),
    failureWindowHours: number2().positive().default(24),
    retryWindowMinutes: number2().positive().default(60)
  },
  async run(ctx, signal) {
    const f = findings();
    if (!ctx.pg) {
      f.fail("DATABASE_URL is not set: OpenWorkflow keeps its queue in ctx|'s Postgres");
      return f.done("DATABASE_URL is not set");
    }
    const pg = ctx.pg;
    const schema = ctx.env.ctx.OPENWORKFLOW_POSTGRES_SCHEMA;
    const o = ctx.options;
    const thresholds = { overdueMs: o.stalledMinutes * 6e4, longRunningMs: o.runningHours * 36e5 };
    let read;
    try {
      read = await pg.withClient(signal, async (client) => {
        let state2 = await openWorkflowSchemaState(client, schema);
        const out = { state: state2 };
        if (state2.kind === "no-schema" && state2.defaultSchemaHasTables) {
          state2 = await openWorkflowSchemaState(client, "openworkflow");
          out.readSchema = "openworkflow";
        }
        if (state2.kind !== "ok") return out;
        out.overview = await queueOverview(client, state2.quoted, thresholds);
        out.due = await oldestDue(client, state2.quoted);
        out.failures = await failuresByWorkflow(client, state2.quoted, o.failureWindowHours * 36e5);
        out.problems = await problemRuns(client, state2.quoted, thresholds, void 0, LISTED_RUNS);
        out.retrying = await retryingRuns(client, state2.quoted, o.retryWindowMinutes * 6e4, void 0, LISTED_RUNS);
        out.repos = await repositoryLabels(
          client,
          out.retrying.flatMap((r) => r.repositoryId ? [r.repositoryId] : [])
        ).catch(() => /* @__PURE__ */ new Map());
        return out;
      });
    } catch (err) {
      if (signal.aborted) throw err;
      f.fail(describeReadError(err, `OpenWorkflow's tables in schema ${schema}`, pg.target));
      return f.done("cannot read the OpenWorkflow queue");
    }
    if (read.readSchema) {
      f.warn(
        `OPENWORKFLOW_POSTGRES_SCHEMA=${schema} names no schema, but the runs are in schema openworkflow: ctx|'s backend and worker always use openworkflow (only its PR-preview supervisor reads the variable); unset it`
      );
    }
    const {
      state,
      overview: q,
      due = null,
      failures = [],
      problems = [],
      retrying = [],
      repos = /* @__PURE__ */ new Map()
    } = read;
    if (state.kind !== "ok" && !q) return f.done(reportSchemaState(f, state));
    if (!q) return f.done("cannot read the OpenWorkflow queue");
    const used = read.readSchema ?? schema;
    f.info(
      `schema ${used}: ${q.pending} pending, ${q.running} running or parked; ${q.liveLeases} held under live leases by ${q.liveWorkers} worker(s)`
    );
    const queue = queueVerdict(due?.dueMs ?? null, q.liveLeases, thresholds.overdueMs);
    if (!due) f.ok("no run is due and waiting for a worker");
    else if (queue === "ok")
      f.ok(
        `the longest-due run waited ${roughDuration(due.dueMs)} (stalled after ${o.stalledMinutes} min): ${dueText(due)}`
      );
    else if (queue === "fail") {
      f.fail(
        `the worker looks stalled: ${dueText(due)} and no worker holds a live lease; ${q.overdue} run(s) overdue. Check that the worker container runs and its logs`
      );
    } else {
      f.warn(
        `${q.overdue} run(s) overdue (${dueText(due)}) while ${q.liveLeases} run(s) are held by live workers: the worker is busy at its concurrency limit (20 upstream) or too few workers run`
      );
    }
    if (!due && q.liveLeases === 0) {
      f.info(
        "no run is due or leased, so the queue cannot show whether a worker process is up: a run enqueued while none is would show here as waiting"
      );
    }
    for (const r of problems) {
      const s = runProblemStatus(r.problem);
      if (s === "fail") f.fail(describeProblemRun(r));
      else if (s === "warn") f.warn(describeProblemRun(r));
      else f.info(describeProblemRun(r));
    }
    if (problems.length === LISTED_RUNS)
      f.info(
        `not every stuck run is listed (${q.overdue} overdue, ${q.pastDeadline} past deadline, ${q.longRunning} running > ${o.runningHours} h)`
      );
    for (const r of retrying) f.warn(retryingLine(r, o.retryWindowMinutes, repos));
    const failed = failures.reduce((a, g) => a + g.failures, 0);
    if (!failures.length) {
      f.ok(
        retrying.length ? `no run failed for good in the last ${o.failureWindowHours} h (the retrying runs above may still)` : `no run failed in the last ${o.failureWindowHours} h`
      );
    }
    for (const g of failures.slice(0, 8)) f.warn(failureLine(g, o.failureWindowHours));
    if (failures.length > 8) f.info(`${failures.length - 8} more workflows with failures not listed`);
    const parts = [];
    if (queue === "fail" && due) parts.push(`stalled: ${dueText(due)}, no live worker`);
    else parts.push(`${q.running} running, ${q.pending} pending`);
    if (queue === "warn" && due) parts.push(`busy: ${dueText(due)}`);
    if (q.pastDeadline) parts.push(`${q.pastDeadline} past deadline`);
    if (q.longRunning) parts.push(`${q.longRunning} running > ${o.runningHours} h`);
    if (retrying.length) {
      const r = retrying[0];
      const error2 = r.lastError ?? r.runError;
      parts.push(
        `${retrying.length} retrying after failed steps (${r.workflowName}${error2 ? `: ${excerpt(error2, 60)}` : ""}${retrying.length > 1 ? ", \u2026" : ""})`
      );
    }
    if (failed) {
      const top = failures.slice(0, 3).map((g) => `${g.workflowName} \xD7${g.failures}`).join(", ");
      parts.push(`${failed} failed in ${o.failureWindowHours} h (${top}${failures.length > 3 ? ", \u2026" : ""})`);
    }
    const affected = [
      ...failures.map((g) => g.workflowName),
      ...problems.map((r) => r.workflowName),
      ...retrying.map((r) => r.workflowName),
      ...due && queue !== "ok" ? [due.workflowName] : []
    ];
    return f.done(parts.join("; "), f.status === "ok" ? {} : { runbook: workerRunbook(affected) });
  }
};

// src/diagnostics/checks/confluence.ts
function provisionErrorAdvice(code) {
  switch (code) {
    case "forge_missing_operator_email":
      return {
        meaning: "the connection has no operator e-mail, which the Forge CLI needs beside the API token",
        next: "enter the e-mail of the Atlassian account that created the Forge API token on the provisioning form, then provision again"
      };
    case "forge_auth_failed":
      return {
        meaning: "Atlassian rejected the Forge API token (401, unauthorized or expired token)",
        next: "create a new scoped API token (App: Forge) at id.atlassian.com with the operator e-mail's account, save it on the connection, then provision again"
      };
    case "forge_developer_space_noninteractive":
      return {
        meaning: "the Forge CLI asked to pick a Developer Space interactively, which the worker cannot answer",
        next: "install through the hosted Forge install URL (CONFLUENCE_FORGE_INSTALL_URL), or register the app once locally and store its app id, then provision again"
      };
    case "forge_developer_space_ensure_failed":
      return {
        meaning: 'ctx| could not find or create its "ctxpipe" Developer Space with the token and operator e-mail',
        next: "check that the operator e-mail is the account that owns the Forge API token and that the token has Forge scopes, then provision again"
      };
    case "forge_lint_failed":
      return {
        meaning: "the Forge app ctx| generated failed the Forge CLI's lint or bundling (invalid manifest)",
        next: "check that AUTH_BASE_URL (the manifest's remote) is the public https origin; otherwise report the forge-provision.failed worker log line (stderr preview) to ctx| with the job id"
      };
    case "forge_deploy_forbidden":
      return {
        meaning: "the Atlassian account behind the token may not deploy this Forge app",
        next: "provision with a token of the account that registered the app (or a contributor to it)"
      };
    case "confluence_install_forbidden":
      return {
        meaning: "the account may not install apps on the Confluence site (site admin rights are needed)",
        next: "provision with a token of a Confluence site admin, or have a site admin install the app"
      };
    case "confluence_install_site":
      return {
        meaning: "the Confluence site was not found, or the connection lacks its site host or Forge API token",
        next: "enter the bare site host (your-site.atlassian.net, without https://) of a site that has Confluence, make sure the Forge API token is saved, then provision again"
      };
    case "network":
      return {
        meaning: "the worker could not reach Atlassian (DNS failure, timeout, refused connection)",
        next: "allow the worker outbound HTTPS to api.atlassian.com and your *.atlassian.net site (proxy, firewall, DNS), then provision again"
      };
    case "unknown":
    case null:
      return {
        meaning: "the Forge CLI failed with output ctx| does not recognise",
        next: "read the worker's forge-provision.failed log line (stderrPreview) for the Forge CLI's own message, fix that, then provision again"
      };
    default:
      return {
        meaning: `provisioning failed with code ${JSON.stringify(code)}, which this bot does not know`,
        next: "read the worker's forge-provision.failed log line for the Forge CLI output"
      };
  }
}
function forgeConnectionVerdict(c, stuckMs, webhookUrl) {
  const status = c.status ?? "pending";
  const provision = c.provisionStatus ?? "idle";
  const age = c.provisionAgeMs === null ? "" : ` ${roughDuration(c.provisionAgeMs)} ago`;
  if (provision === "failed") {
    const a = provisionErrorAdvice(c.provisionErrorCode);
    const code = c.provisionErrorCode ?? "no code";
    if (status === "installed") {
      return {
        level: "warn",
        label: `re-provisioning failed (${code})`,
        text: `installed, but the latest provisioning${age} failed (${code}): ${a.meaning}. Next: ${a.next}`
      };
    }
    return {
      level: "fail",
      label: `provisioning failed (${code})`,
      text: `provisioning failed${age} (${code}): ${a.meaning}. Next: ${a.next}`
    };
  }
  if (provision === "running") {
    if (c.provisionAgeMs !== null && c.provisionAgeMs >= stuckMs) {
      return {
        level: "fail",
        label: "provisioning stuck",
        text: `provisioning started${age} and never finished: the worker died during forge-provision or never picked it up (see the worker check); provision again once the worker runs`
      };
    }
    return {
      level: "info",
      label: "provisioning",
      text: `provisioning in progress (started${age || " at an unknown time"})`
    };
  }
  if (status === "installed")
    return { level: "ok", label: "installed", text: "Forge app installed: ctx| received Atlassian's installed event" };
  if (provision === "succeeded") {
    const text = `provisioning succeeded${age}, but ctx| has not received the app's installed event: Atlassian must be able to reach ${webhookUrl} (the backend's public origin)`;
    if (c.provisionAgeMs !== null && c.provisionAgeMs < stuckMs)
      return { level: "warn", label: "awaiting the installed event", text };
    return { level: "fail", label: "installed event never arrived", text };
  }
  if (provision === "idle") {
    return {
      level: "warn",
      label: "not provisioned",
      text: "not provisioned yet (pending): an org admin has to enter the Confluence site host, a Forge API token and the operator e-mail under Connectors and provision, or install from the Forge install URL"
    };
  }
  return {
    level: "warn",
    label: `provisioning ${provision}`,
    text: `unknown provisionStatus ${JSON.stringify(provision)} with status ${status}`
  };
}
function syncTargetVerdict(t, installed, stuckMs) {
  if (!t) {
    return installed ? {
      level: "warn",
      label: "no sync target",
      text: "no sync target: choose the repository and branch Confluence content goes to (Connectors \u2192 Confluence)"
    } : { level: "info", label: "no sync target", text: "no sync target yet (set up after the app is installed)" };
  }
  const idle = roughDuration(t.idleMs);
  const stuck = t.idleMs >= stuckMs;
  let v;
  switch (t.setupPhase) {
    case "live":
      v = {
        level: "ok",
        label: "sync live",
        text: "sync target live: the merged confluence/config.yaml drives the sync"
      };
      break;
    case "draft":
      v = {
        level: "warn",
        label: "setup not finished",
        text: `setup phase draft for ${idle}: pick the repository and branch and save; ctx| then opens the config pull request`
      };
      break;
    case "awaiting_merge":
      if (t.prCreating) {
        v = stuck ? {
          level: "fail",
          label: "config PR never created",
          text: `the config pull request has been "being created" for ${idle}: confluence-sync-config never finished (see the jobs below and the worker check)`
        } : {
          level: "info",
          label: "creating config PR",
          text: `creating the config pull request (since ${idle} ago)`
        };
      } else if (t.pullUrl) {
        v = {
          level: "warn",
          label: "awaiting PR merge",
          text: `waiting ${idle} for the config pull request to be merged: ${excerpt(t.pullUrl, 200)}`
        };
      } else {
        v = {
          level: "warn",
          label: "no config PR",
          text: "awaiting merge, but no pull request is recorded: save the sync setup again to reopen it"
        };
      }
      break;
    case "initial_sync":
      v = stuck ? {
        level: "fail",
        label: "initial sync stuck",
        text: `initial sync running for ${idle} without finishing: confluence-sync-content failed or never ran (see the jobs below)`
      } : { level: "info", label: "initial sync", text: `initial sync in progress (for ${idle})` };
      break;
    default:
      v = {
        level: "warn",
        label: `phase ${t.setupPhase}`,
        text: `unknown setup phase ${JSON.stringify(t.setupPhase)}`
      };
  }
  if (!t.enabled && v.level !== "fail")
    return { level: "info", label: "sync disabled", text: `sync disabled on the target (phase ${t.setupPhase})` };
  return v;
}
function oauthVerdict(o) {
  if (o.globalOAuth)
    return {
      level: "ok",
      label: "oauth global",
      text: "Atlassian accounts link through the sign-in provider (ATLASSIAN_CLIENT_ID / ATLASSIAN_CLIENT_SECRET)"
    };
  if (o.clientId && o.hasSecret)
    return {
      level: "ok",
      label: "oauth app",
      text: `Atlassian OAuth app saved on the connection: client id ${o.clientId}, secret set`
    };
  if (o.clientId) {
    return {
      level: "warn",
      label: "oauth secret missing",
      text: `Atlassian OAuth app client id ${o.clientId} saved without its secret: the token exchange at the callback cannot succeed; save the secret again`
    };
  }
  return {
    level: "warn",
    label: "no oauth app",
    text: "no Atlassian OAuth app saved on the connection and ATLASSIAN_CLIENT_ID/SECRET unset: people cannot link their Atlassian accounts (upstream answers 400 forge_atlassian_oauth_missing)"
  };
}
function forgeWebhookUrl(env) {
  const base = env.ctx.raw.CTXPIPE_PUBLIC_APP_URL?.trim() || env.ctx.AUTH_BASE_URL;
  return `${base.replace(/\/+$/, "")}/api/v1/webhook/atlassian/forge`;
}
function atlassianCallbackUrl(env) {
  return new URL("/api/v1/integrations/atlassian/callback", env.ctx.AUTH_BASE_URL).toString();
}
var JOBS = { names: ["forge-provision"], patterns: ["confluence-sync-%"] };
var RETRY_WINDOW_MINUTES = 60;
function ageFrom(iso, now) {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? null : now.getTime() - t;
}
function emit(f, level, text) {
  f[level](text);
}
var confluenceCheck = {
  id: "confluence",
  title: "Confluence",
  dependsOn: ["postgres"],
  options: {
    stuckHours: number2().positive().default(2),
    failureWindowHours: number2().positive().default(24)
  },
  async run(ctx, signal) {
    const f = findings();
    const env = ctx.env.ctx;
    const envConfigured = Boolean(env.ATLASSIAN_CLIENT_ID || env.CONFLUENCE_FORGE_INSTALL_URL);
    if (!ctx.pg) {
      if (!envConfigured) return skipped("Confluence is not configured (and DATABASE_URL is not set)");
      f.fail("DATABASE_URL is not set: Forge connections live in ctx|'s Postgres");
      return f.done("DATABASE_URL is not set");
    }
    const pg = ctx.pg;
    const stuckMs = ctx.options.stuckHours * 36e5;
    let read;
    try {
      read = await pg.withClient(signal, async (client) => {
        const missing = await missingTables(client, [
          "connections",
          "organizations",
          "confluence_sync_targets",
          "repositories"
        ]);
        if (missing.includes("connections")) return { missing, rows: [], jobs: null };
        const hasOrgs = !missing.includes("organizations");
        const hasTargets = !missing.includes("confluence_sync_targets") && !missing.includes("repositories");
        const { rows } = await client.query(
          `SELECT c.id, ${hasOrgs ? "coalesce(o.slug, c.org_id)" : "c.org_id"} AS org,
                  c.config->>'status' AS status,
                  c.config->>'provisionStatus' AS provision_status,
                  c.config->>'provisionErrorCode' AS provision_error_code,
                  c.config->>'lastProvisionAt' AS last_provision_at, now() AS db_now,
                  c.config->>'confluenceSiteHost' AS site_host,
                  nullif(trim(c.config->>'atlassianOAuthClientId'), '') AS oauth_client_id,
                  coalesce(trim(c.config->>'atlassianOAuthClientSecret'), '') <> '' AS has_oauth_secret,
                  coalesce(c.config->>'forgeScopedApiToken', '') <> '' AS has_forge_token,
                  coalesce(trim(c.config->>'forgeOperatorEmail'), '') <> '' AS has_operator_email,
                  ${hasTargets ? `t.setup_phase, t.enabled, t.pending_config_pr_creating AS pr_creating, t.pending_config_pull_url AS pull_url,
                         (extract(epoch FROM now() - t.updated_at) * 1000)::text AS target_idle_ms, r.name AS repo_name` : `NULL AS setup_phase, NULL AS enabled, NULL AS pr_creating, NULL AS pull_url, NULL AS target_idle_ms, NULL AS repo_name`}
             FROM connections c
             ${hasOrgs ? "LEFT JOIN organizations o ON o.id = c.org_id" : ""}
             ${hasTargets ? "LEFT JOIN confluence_sync_targets t ON t.connection_id = c.id LEFT JOIN repositories r ON r.id = t.repository_id" : ""}
            WHERE c.type = 'forge'
            ORDER BY org, c.created_at`
        );
        if (!rows.length && !envConfigured) return { missing, rows, jobs: null };
        const jobs2 = { failures: [], problems: [], retrying: [] };
        try {
          jobs2.state = await openWorkflowSchemaState(client, env.OPENWORKFLOW_POSTGRES_SCHEMA);
          if (jobs2.state.kind === "ok") {
            jobs2.failures = await failuresByWorkflow(
              client,
              jobs2.state.quoted,
              ctx.options.failureWindowHours * 36e5,
              JOBS
            );
            jobs2.problems = await problemRuns(
              client,
              jobs2.state.quoted,
              { overdueMs: stuckMs, longRunningMs: stuckMs },
              JOBS,
              6
            );
            jobs2.retrying = await retryingRuns(client, jobs2.state.quoted, RETRY_WINDOW_MINUTES * 6e4, JOBS, 6);
          }
        } catch (err) {
          if (signal.aborted || !isStatementError(err)) throw err;
          jobs2.error = describeReadError(
            err,
            `OpenWorkflow's runs in schema ${env.OPENWORKFLOW_POSTGRES_SCHEMA}`,
            pg.target
          );
        }
        return { missing, rows, jobs: jobs2 };
      });
    } catch (err) {
      if (signal.aborted) throw err;
      f.fail(describeReadError(err, "table connections", pg.target));
      return f.done("cannot read Forge connections");
    }
    if (read.missing.includes("connections")) {
      if (!envConfigured)
        return skipped(
          "Confluence is not configured (no connections table, ATLASSIAN_CLIENT_ID and CONFLUENCE_FORGE_INSTALL_URL unset)"
        );
      f.fail(
        "table connections does not exist: ctx|'s migrations have not run against this database (see the migrations check)"
      );
      return f.done("no connections table", { runbook: "confluence-stalls" });
    }
    if (!read.rows.length && !envConfigured) {
      return skipped(
        "Confluence is not configured: no Forge connection, ATLASSIAN_CLIENT_ID and CONFLUENCE_FORGE_INSTALL_URL unset"
      );
    }
    const globalOAuth = Boolean(env.ATLASSIAN_CLIENT_ID && env.ATLASSIAN_CLIENT_SECRET);
    if (globalOAuth) f.ok("ATLASSIAN_CLIENT_ID and ATLASSIAN_CLIENT_SECRET are set (secret not shown)");
    else if (env.ATLASSIAN_CLIENT_ID)
      f.warn(
        "ATLASSIAN_CLIENT_ID is set but ATLASSIAN_CLIENT_SECRET is not: upstream enables the Atlassian provider only with both"
      );
    else if (env.ATLASSIAN_CLIENT_SECRET)
      f.warn(
        "ATLASSIAN_CLIENT_SECRET is set but ATLASSIAN_CLIENT_ID is not: upstream enables the Atlassian provider only with both"
      );
    if (env.ATLASSIAN_CLIENT_ID || env.ATLASSIAN_CLIENT_SECRET) {
      f.info(
        "upstream's Compose file does not pass ATLASSIAN_* to the backend and worker: set them in those services' environment, not only in .env"
      );
    }
    if (env.CONFLUENCE_FORGE_INSTALL_URL) {
      const host = URL.canParse(env.CONFLUENCE_FORGE_INSTALL_URL) ? new URL(env.CONFLUENCE_FORGE_INSTALL_URL).host : "not a valid URL";
      f.info(`CONFLUENCE_FORGE_INSTALL_URL is set (${host})`);
    }
    f.info(`Atlassian OAuth (3LO) callback URL to register: ${atlassianCallbackUrl(ctx.env)}`);
    const webhook = forgeWebhookUrl(ctx.env);
    const labels = [];
    for (const r of read.rows) {
      const who = `org ${r.org}, connection ${r.id}${r.site_host ? ` (${excerpt(r.site_host, 80)})` : ""}`;
      const conn = forgeConnectionVerdict(
        {
          status: r.status,
          provisionStatus: r.provision_status,
          provisionErrorCode: r.provision_error_code,
          provisionAgeMs: ageFrom(r.last_provision_at, r.db_now)
        },
        stuckMs,
        webhook
      );
      emit(f, conn.level, `${who}: ${conn.text}`);
      const installed = r.status === "installed";
      if (!installed && (r.provision_status ?? "idle") !== "succeeded") {
        const missing = [
          !r.site_host && "Confluence site host",
          !r.has_forge_token && "Forge API token",
          !r.has_operator_email && "operator e-mail"
        ].filter(Boolean);
        if (missing.length) f.info(`${who}: not saved on the connection yet: ${missing.join(", ")}`);
      }
      const oauth = oauthVerdict({ clientId: r.oauth_client_id, hasSecret: r.has_oauth_secret, globalOAuth });
      emit(f, oauth.level, `${who}: ${oauth.text}`);
      const target = r.setup_phase === null ? null : {
        setupPhase: r.setup_phase,
        enabled: r.enabled ?? true,
        prCreating: r.pr_creating ?? false,
        pullUrl: r.pull_url,
        idleMs: Number(r.target_idle_ms)
      };
      const sync = syncTargetVerdict(target, installed, stuckMs);
      emit(f, sync.level, `${who}: ${sync.text}${r.repo_name ? ` (repository ${r.repo_name})` : ""}`);
      const all = [conn, sync, oauth];
      const worst2 = all.find((v) => v.level === "fail") ?? all.find((v) => v.level === "warn");
      labels.push({
        org: r.org,
        level: worst2?.level ?? "ok",
        label: worst2 ? worst2.label : `${conn.label}, ${sync.label}`
      });
    }
    if (!read.rows.length) f.info("no organisation has connected Confluence (no Forge connection) yet");
    const jobs = read.jobs;
    if (jobs.error || !jobs.state) {
      f.warn(`cannot see the worker's Confluence jobs: ${jobs.error ?? "not read"}`);
    } else if (jobs.state.kind !== "ok") {
      f.warn(
        `cannot see the worker's Confluence jobs: OpenWorkflow schema ${jobs.state.schema} is ${jobs.state.kind === "invalid-name" ? "not a valid name" : "missing"} (see the worker check)`
      );
    } else {
      if (!jobs.failures.length)
        f.ok(`no forge-provision or confluence-sync-* run failed in the last ${ctx.options.failureWindowHours} h`);
      for (const g of jobs.failures) {
        const step = g.lastStep ? ` in step ${g.lastStep}` : "";
        f.warn(
          `${g.workflowName}: ${g.failures} failed in ${ctx.options.failureWindowHours} h; latest ${roughDuration(g.lastAgoMs)} ago${step}: ${excerpt(g.lastError) || "no message"}`
        );
      }
      for (const p of jobs.problems) f[p.problem === "long-running" ? "warn" : "fail"](describeProblemRun(p));
      for (const r of jobs.retrying)
        f.warn(
          `${r.workflowName} run ${r.id.slice(0, 8)} keeps failing and is being retried: ${describeRetries(r, RETRY_WINDOW_MINUTES)}`
        );
      if (!jobs.problems.length) f.ok(`no Confluence job waiting or running longer than ${ctx.options.stuckHours} h`);
    }
    const parts = [];
    if (!labels.length) parts.push("configured; no Forge connection yet");
    else if (labels.length <= 2) parts.push(...labels.map((l) => `${l.org}: ${l.label}`));
    else {
      const bad = labels.filter((l) => l.level === "fail" || l.level === "warn");
      parts.push(
        `${labels.length} Forge connections, ${bad.length} need attention${bad[0] ? ` (${bad[0].org}: ${bad[0].label})` : ""}`
      );
    }
    const failedJobs = jobs.failures.reduce((a, g) => a + g.failures, 0);
    if (failedJobs) parts.push(`${failedJobs} job failure(s) in ${ctx.options.failureWindowHours} h`);
    const stuckJobs = jobs.problems.filter((p) => p.problem !== "long-running").length;
    if (stuckJobs) parts.push(`${stuckJobs} stuck job(s)`);
    if (jobs.retrying.length) parts.push(`${jobs.retrying.length} job(s) retrying after failed steps`);
    const status = f.status;
    return f.done(parts.join("; "), status === "ok" ? {} : { runbook: "confluence-stalls" });
  }
};

// src/config/otel-headers.ts
function parseOtelHeaders(value) {
  const out = {};
  for (const part of (value ?? "").split(",")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim().replace(/^["']|["']$/g, "");
    if (!key || !raw) continue;
    try {
      out[key] = decodeURIComponent(raw);
    } catch {
      out[key] = raw;
    }
  }
  return out;
}

// src/diagnostics/checks/telemetry.ts
var SIGNALS = {
  traces: "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
  logs: "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT",
  metrics: "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"
};
function exportUrl(signal, endpoint) {
  const suffix = `/v1/${signal}`;
  if (signal === "logs") return `${endpoint.replace(/\/v1\/logs\/?$/i, "").replace(/\/$/, "")}${suffix}`;
  return endpoint.endsWith(suffix) ? endpoint : `${endpoint.replace(/\/$/, "")}${suffix}`;
}
function headerCount(value) {
  if (!value?.trim()) return 0;
  return value.split(",").filter((part) => {
    const eq = part.indexOf("=");
    return eq > 0 && part.slice(0, eq).trim() && part.slice(eq + 1).trim().replace(/^["']|["']$/g, "");
  }).length;
}
function reachVerdict(status) {
  if (status >= 200 && status < 300) return "accepts";
  if (status === 401 || status === 403) return "needs-credentials";
  if (status === 404) return "wrong-path";
  return "answers";
}
function telemetryVerdict(set) {
  if (!set.traces && !set.logs && !set.metrics) return "off";
  return set.logs ? "exporting" : "stdout-logs";
}
var telemetryCheck = {
  id: "telemetry",
  title: "Telemetry",
  dependsOn: [],
  options: { stdoutLogsOk: boolean2().default(false) },
  async run(ctx, signal) {
    const c = ctx.env.ctx;
    const endpoints = {};
    for (const s of Object.keys(SIGNALS)) endpoints[s] = c[SIGNALS[s]];
    const set = { traces: !!endpoints.traces, logs: !!endpoints.logs, metrics: !!endpoints.metrics };
    const verdict = telemetryVerdict(set);
    const stdoutNote = "logs go to the containers' stdout only (OTEL_EXPORTER_OTLP_LOGS_ENDPOINT is not set): they are lost unless something ships container output";
    if (verdict === "off" && ctx.options.stdoutLogsOk) {
      return skipped("no OTLP endpoint set; logs are shipped from stdout (checks.telemetry.stdoutLogsOk)");
    }
    const f = findings();
    if (verdict === "off") {
      f.warn(`no OTEL_EXPORTER_OTLP_*_ENDPOINT is set: no traces or metrics, and ${stdoutNote}`);
      f.info(
        "set checks.telemetry.stdoutLogsOk: true if container stdout is collected (e.g. a Docker log driver); this check is then skipped"
      );
      return f.done("off: no OTLP endpoint set, logs go to stdout only");
    }
    const problems = [];
    const headers = headerCount(c.OTEL_EXPORTER_OTLP_HEADERS);
    if (!c.OTEL_EXPORTER_OTLP_HEADERS) f.info("OTEL_EXPORTER_OTLP_HEADERS is not set: exports carry no credentials");
    else if (headers) f.info(`OTEL_EXPORTER_OTLP_HEADERS is set: ${headers} header(s), values not shown`);
    else {
      f.warn(
        "OTEL_EXPORTER_OTLP_HEADERS is set but holds no key=value pair upstream can read (value not shown): exports go without credentials"
      );
      problems.push("OTLP headers unreadable");
    }
    const credentials = parseOtelHeaders(c.OTEL_EXPORTER_OTLP_HEADERS);
    const probes = await Promise.all(
      Object.keys(SIGNALS).filter((s) => endpoints[s]).map(async (s) => ({ s, ...await probe2(ctx.http, s, endpoints[s], credentials, signal) }))
    );
    for (const p of probes) {
      const name = SIGNALS[p.s];
      if (p.status === "fail") problems.push(`${p.s} endpoint unreachable`);
      if (p.status === "warn") problems.push(`${p.s} exports would fail`);
      if (p.status === "needs-credentials") {
        f.warn(`${name}: ${p.text}, and OTEL_EXPORTER_OTLP_HEADERS carries none: exports are rejected`);
        problems.push(`${p.s} endpoint rejects exports without credentials`);
      } else if (p.status === "credentials-rejected") {
        f.fail(`${name}: ${p.text}`);
        problems.push(`${p.s} endpoint rejects ctx|'s credentials`);
      } else f[p.status](`${name}: ${p.text}`);
    }
    if (set.metrics && !set.traces) {
      f.warn(
        "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT is set without OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: upstream starts its OpenTelemetry SDK only when the traces endpoint is set, so no metrics are exported"
      );
      problems.push("metrics need the traces endpoint");
    }
    if (!set.logs) {
      if (ctx.options.stdoutLogsOk)
        f.info(
          stdoutNote.replace(
            ": they are lost unless something ships container output",
            "; checks.telemetry.stdoutLogsOk says that is collected"
          )
        );
      else {
        f.warn(stdoutNote);
        problems.push("logs go to stdout only");
      }
    }
    f.info(
      "the backend exports traces, metrics and logs; codesearch exports logs only (same LOGS endpoint and headers)"
    );
    const list = probes.map((p) => p.s).join(", ");
    return f.done(
      problems.length ? `${problems[0]}${problems.length > 1 ? ` (+${problems.length - 1} more)` : ""}` : `exporting ${list} over OTLP/HTTP`
    );
  }
};
async function probe2(http, s, endpoint, credentials, signal) {
  if (!URL.canParse(endpoint) || !/^https?:$/.test(new URL(endpoint).protocol)) {
    return {
      status: "fail",
      text: `${JSON.stringify(endpoint.slice(0, 80))} is not an http(s) URL; upstream refuses to start with it`
    };
  }
  const url2 = exportUrl(s, endpoint);
  const shown = displayUrl(url2);
  const out = await http.request(url2, {
    method: "POST",
    signal,
    headers: { "content-type": "application/json" },
    body: "{}",
    maxBytes: 4096
  });
  if (!out.ok) {
    const grpc = new URL(url2).port === "4317" ? "; port 4317 is OTLP/gRPC, ctx| exports OTLP/HTTP (usually port 4318)" : "";
    return { status: "fail", text: `${describeFailure(out.failure, shown)}${grpc}` };
  }
  const seen = `${shown} answered HTTP ${out.res.status} in ${ms(out.res.ms)}`;
  switch (reachVerdict(out.res.status)) {
    case "accepts":
      return { status: "ok", text: `${seen}: reachable and accepting OTLP/HTTP` };
    case "needs-credentials": {
      if (!Object.keys(credentials).length)
        return { status: "needs-credentials", text: `${seen}: reachable, asks for credentials` };
      const again = await http.request(url2, {
        method: "POST",
        signal,
        headers: { ...credentials, "content-type": "application/json" },
        body: "{}",
        maxBytes: 4096
      });
      if (!again.ok)
        return {
          status: "fail",
          text: `${seen} without credentials; with them: ${describeFailure(again.failure, shown)}`
        };
      const withThem = `${seen} without credentials, HTTP ${again.res.status} with the ${Object.keys(credentials).length} header(s) of OTEL_EXPORTER_OTLP_HEADERS`;
      const v = reachVerdict(again.res.status);
      if (v === "accepts") return { status: "ok", text: `${withThem}: accepts ctx|'s credentials` };
      if (v === "needs-credentials")
        return {
          status: "credentials-rejected",
          text: `${withThem}: the collector rejects the credentials ctx| sends (values not shown), so every export is lost`
        };
      return { status: "ok", text: `${withThem}: reachable; an empty export need not be accepted` };
    }
    case "wrong-path":
      return {
        status: "warn",
        text: `${seen}: reachable, but nothing serves ${new URL(url2).pathname}; exports to it are lost (is this the collector's OTLP/HTTP port?)`
      };
    default:
      return {
        status: "ok",
        text: `${seen}: reachable (any HTTP answer proves the collector listens; an empty export need not be accepted)`
      };
  }
}
function displayUrl(url2) {
  const u = new URL(url2);
  return `${u.protocol}//${u.host}${u.pathname}${u.search ? "?\u2026" : ""}`;
}

// src/diagnostics/migrations-state.ts
import { createHash as createHash2 } from "node:crypto";
import { existsSync as existsSync2, readdirSync, readFileSync } from "node:fs";
import { join as join2 } from "node:path";
var MIGRATIONS_TABLE = "drizzle.__drizzle_migrations";
function readMigrationFolder(dir) {
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync2(join2(dir, d.name, "migration.sql"))).map((d) => d.name).sort().map((name) => ({
    name,
    hash: createHash2("sha256").update(readFileSync(join2(dir, name, "migration.sql")).toString()).digest("hex")
  }));
}
async function readAppliedMigrations(client) {
  const exists = await client.query(`SELECT to_regclass('${MIGRATIONS_TABLE}')::text AS t`);
  if (!exists.rows[0]?.t) return null;
  const cols = await client.query(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'drizzle' AND table_name = '__drizzle_migrations'`
  );
  const have = new Set(cols.rows.map((r) => r.column_name));
  const sql = `SELECT id, hash, created_at, ${have.has("name") ? "name" : "NULL::text AS name"}, ${have.has("applied_at") ? "applied_at" : "NULL::timestamptz AS applied_at"} FROM ${MIGRATIONS_TABLE} ORDER BY id`;
  const { rows } = await client.query(sql);
  return rows.map((r) => ({
    id: r.id,
    hash: r.hash,
    name: r.name,
    createdAt: r.created_at === null ? null : Number(r.created_at),
    appliedAt: r.applied_at
  }));
}
function compareMigrations(local, applied) {
  const appliedByName = new Map(applied.filter((a) => a.name).map((a) => [a.name, a]));
  const localNames = new Set(local.map((l) => l.name));
  return {
    pending: local.filter((l) => !appliedByName.has(l.name)).map((l) => l.name),
    changed: local.filter((l) => appliedByName.has(l.name) && appliedByName.get(l.name).hash !== l.hash).map((l) => l.name),
    unknown: [...appliedByName.keys()].filter((n2) => !localNames.has(n2)),
    appliedCount: applied.length
  };
}

// src/diagnostics/checks/migrations.ts
var migrationsCheck = {
  id: "migrations",
  title: "Migrations",
  dependsOn: ["postgres"],
  async run(ctx, signal) {
    const f = findings();
    if (!ctx.pg) return f.done("DATABASE_URL is not set", { status: "fail" });
    let local;
    const dir = ctx.env.migrationsDir;
    if (dir) {
      try {
        local = readMigrationFolder(dir);
        f.info(`${local.length} migrations in ${dir}`);
      } catch (err) {
        f.warn(
          `cannot read the migrations folder ${dir} (${err.code ?? err.message}); comparing is not possible`
        );
      }
    } else {
      f.info(
        "CTX_MIGRATIONS_DIR is not set: set it to the deployment's apps/backend/migrations to list pending migrations"
      );
    }
    let applied;
    try {
      applied = await ctx.pg.withClient(signal, (c) => readAppliedMigrations(c));
    } catch (err) {
      if (signal.aborted) throw err;
      f.fail(`cannot read drizzle.__drizzle_migrations: ${describeFailure(classifyPgError(err), ctx.pg.target)}`);
      return f.done("cannot read the migrations table");
    }
    if (applied === null) {
      f.fail("table drizzle.__drizzle_migrations does not exist: the migrate step never ran against this database");
      return f.done("migrations never ran", { runbook: "migration-failed" });
    }
    const last = applied[applied.length - 1];
    const lastText = last ? `${last.name ?? `#${last.id}`}${last.appliedAt ? ` at ${last.appliedAt.toISOString()}` : ""}` : "none";
    if (!local) {
      f.ok(`${applied.length} migrations applied; last ${lastText}`);
      return f.done(`${applied.length} applied, last ${last?.name ?? "none"}`);
    }
    const cmp = compareMigrations(local, applied);
    f.ok(`${cmp.appliedCount} applied; last ${lastText}`);
    if (cmp.changed.length) {
      f.warn(
        `${cmp.changed.length} applied migration(s) have a recorded hash that differs from the sha256 of their migration.sql: ${listSome(cmp.changed)}. Either the file was edited after it ran, or the row in drizzle.__drizzle_migrations was; the migrator decides by name, so it will not run them again. Compare the file with the schema the database has`
      );
    }
    if (cmp.unknown.length) {
      f.warn(
        `${cmp.unknown.length} applied migration(s) are not in the folder: ${listSome(cmp.unknown)}; the database is newer than this code (a rollback?)`
      );
    }
    if (cmp.pending.length) {
      f.warn(`${cmp.pending.length} pending: ${listSome(cmp.pending)}; run \`/ctx migrate ${ctx.env.name}\``);
    } else {
      f.ok("no pending migrations");
    }
    const parts = [
      cmp.pending.length ? `${cmp.pending.length} pending` : "up to date",
      cmp.changed.length ? `${cmp.changed.length} with a different hash (file or row edited)` : "",
      cmp.unknown.length ? `${cmp.unknown.length} unknown to the code` : ""
    ].filter(Boolean);
    return f.done(`${parts.join(", ")} (${cmp.appliedCount} applied)`);
  }
};

// src/diagnostics/checks/postgres.ts
function connectionUsageStatus(used, usable, warnPercent) {
  if (usable <= 0) return "warn";
  if (used >= usable) return "fail";
  return used / usable * 100 > warnPercent ? "warn" : "ok";
}
var postgresCheck = {
  id: "postgres",
  title: "Postgres",
  dependsOn: [],
  options: {
    connectionsWarnPercent: number2().min(1).max(100).default(80),
    longQueryMinutes: number2().positive().default(5)
  },
  async run(ctx, signal) {
    const f = findings();
    if (!ctx.pg) {
      f.fail("DATABASE_URL is not set; ctx| cannot run without it (set it in the environment or the env file)");
      return { ...f.done("DATABASE_URL is not set"), local: true };
    }
    const target = ctx.pg.target;
    const started = performance.now();
    try {
      return await ctx.pg.withClient(signal, async (client) => {
        const connectedMs = performance.now() - started;
        const { rows } = await client.query(`
          SELECT version() AS version,
                 current_setting('server_version_num') AS version_num,
                 current_setting('max_connections') AS max_connections,
                 current_setting('superuser_reserved_connections') AS reserved,
                 (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend') AS used,
                 current_database() AS db,
                 pg_size_pretty(pg_database_size(current_database())) AS size`);
        const o = rows[0];
        const major = Math.floor(Number(o.version_num) / 1e4);
        const version2 = o.version.split(" ").slice(0, 2).join(" ");
        f.ok(`connected to ${target} in ${ms(connectedMs)} (${version2})`);
        const usable = Number(o.max_connections) - Number(o.reserved);
        const used = Number(o.used);
        const pct = Math.round(used / Math.max(usable, 1) * 100);
        const cs = connectionUsageStatus(used, usable, ctx.options.connectionsWarnPercent);
        const connText = `${used} of ${usable} connections in use (${pct}%; max_connections ${o.max_connections}, ${o.reserved} reserved)`;
        if (cs === "ok") f.ok(connText);
        else if (cs === "warn") f.warn(`${connText}: above ${ctx.options.connectionsWarnPercent}%`);
        else f.fail(`${connText}: new connections will be refused`);
        const long = await client.query(
          `SELECT pid, state, application_name, round(extract(epoch FROM now() - coalesce(xact_start, query_start)) / 60)::text AS minutes,
                  left(regexp_replace(query, '\\s+', ' ', 'g'), 80) AS query
             FROM pg_stat_activity
            WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
              AND state IN ('active', 'idle in transaction', 'idle in transaction (aborted)')
              AND coalesce(xact_start, query_start) < now() - make_interval(secs => $1)
            ORDER BY coalesce(xact_start, query_start) LIMIT 5`,
          [ctx.options.longQueryMinutes * 60]
        );
        if (long.rows.length) {
          for (const q of long.rows) {
            f.warn(
              `pid ${q.pid} (${q.application_name || "no application_name"}) ${q.state} for ${q.minutes} min: ${q.query}`
            );
          }
        } else {
          f.ok(`no query or transaction open longer than ${ctx.options.longQueryMinutes} min`);
        }
        f.info(`database ${o.db}: ${o.size}`);
        const problems = [
          cs !== "ok" ? `${pct}% connections` : "",
          long.rows.length ? `${long.rows.length} long-running` : ""
        ].filter(Boolean);
        return f.done(
          `PostgreSQL ${major}, ${o.size}, ${used}/${usable} connections${problems.length ? `: ${problems.join(", ")}` : ""}`
        );
      });
    } catch (err) {
      if (signal.aborted) throw err;
      const failure2 = classifyPgError(err);
      f.fail(describeFailure(failure2, target));
      if (failure2.kind === "auth")
        f.info("the user or password in DATABASE_URL is wrong, or pg_hba.conf does not admit this host");
      return f.done(
        failure2.kind === "auth" ? "login refused: check the credentials in DATABASE_URL" : `unreachable: ${describeFailure(failure2, target)}`
      );
    }
  }
};

// src/diagnostics/checks/ui.ts
var PROXY_FAILURE = /ECONNREFUSED|Unable to connect|ENOTFOUND|ConnectionRefused|fetch failed/i;
var uiCheck = {
  id: "ui",
  title: "UI",
  dependsOn: ["backend"],
  async run(ctx, signal) {
    const f = findings();
    const proxy = ctx.env.ctx.UI_PROXY_URL;
    let url2 = backendUrl(ctx.env, "/");
    let out = await ctx.http.request(url2, { signal, headers: { accept: "text/html" } });
    if (out.ok && out.res.status >= 300 && out.res.status < 400 && out.res.headers.location) {
      const next = new URL(out.res.headers.location, url2);
      if (next.origin !== new URL(backendBase(ctx.env)).origin) {
        f.warn(`GET / redirects to another origin: ${next.origin} (people may be sent away from AUTH_BASE_URL)`);
        return f.done(`redirects to ${next.origin}`);
      }
      f.info(`GET / redirects to ${next.pathname}`);
      url2 = next.toString();
      out = await ctx.http.request(url2, { signal, headers: { accept: "text/html" } });
    }
    if (!out.ok) {
      f.fail(describeFailure(out.failure, url2));
      return f.done("the backend origin does not answer");
    }
    const { res } = out;
    const proxyDown = [502, 503, 504].includes(res.status) || res.status === 500 && PROXY_FAILURE.test(res.text);
    if (proxyDown) {
      f.fail(
        `GET / answered HTTP ${res.status} in ${ms(res.ms)}: the backend could not reach the UI at UI_PROXY_URL (${proxy})`
      );
      f.info("check that the ui service is running and that UI_PROXY_URL is reachable from the backend container");
      return f.done(`UI proxy failing: backend cannot reach UI_PROXY_URL (${proxy})`);
    }
    if (res.status !== 200) {
      f.fail(`GET / answered HTTP ${res.status} in ${ms(res.ms)} (expected the app's HTML)`);
      return f.done(`GET / answered HTTP ${res.status}`);
    }
    const type = res.headers["content-type"] ?? "";
    const looksHtml = /text\/html/i.test(type) || /<!doctype html|<html/i.test(res.text);
    if (!looksHtml) {
      f.fail(`GET / answered 200 with ${type || "no content type"}, not the app's HTML`);
      return f.done("answers, but not with the app");
    }
    f.ok(`GET / \u2192 200 HTML (${type || "text/html"}) in ${ms(res.ms)}, served through the backend from ${proxy}`);
    const script = firstScript(res.text, url2);
    if (!script) {
      f.info("the HTML references no same-origin script to load, so only the page itself was checked");
      return f.done(`serving the app in ${ms(res.ms)}`);
    }
    const asset = await ctx.http.request(script.href, { signal, headers: { accept: "*/*" }, maxBytes: 1024 });
    if (!asset.ok) {
      f.fail(`the app's script ${script.pathname}: ${describeFailure(asset.failure, script.href)}`);
      return f.done(`the page loads but its script does not: ${script.pathname}`);
    }
    if (asset.res.status >= 400) {
      f.fail(
        `the app's script ${script.pathname} answered HTTP ${asset.res.status} in ${ms(asset.res.ms)}: the page stays blank; the UI behind UI_PROXY_URL (${proxy}) does not serve the assets its own HTML names (a partial deploy, or another build)`
      );
      return f.done(`the page loads but its script answers HTTP ${asset.res.status}`);
    }
    f.ok(`the app's script ${script.pathname} \u2192 ${asset.res.status} in ${ms(asset.res.ms)}`);
    return f.done(`serving the app in ${ms(res.ms)}`);
  }
};
function firstScript(html, pageUrl) {
  const patterns = [
    /<script\b[^>]*\bsrc=["']([^"']+)["']/gi,
    /<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["']/gi
  ];
  for (const re of patterns) {
    for (const m of html.matchAll(re)) {
      if (!URL.canParse(m[1], pageUrl)) continue;
      const u = new URL(m[1], pageUrl);
      if (u.origin === new URL(pageUrl).origin) return u;
    }
  }
  return null;
}

// src/diagnostics/registry.ts
var allChecks = [
  backendCheck,
  uiCheck,
  authCheck,
  mcpCheck,
  postgresCheck,
  migrationsCheck,
  codesearchCheck,
  indexingCheck,
  graphCheck,
  workerCheck,
  confluenceCheck,
  telemetryCheck
];

// src/logs/logs-check.ts
var LOGS_CHECK_ID = "logs";
var DEFAULT_THRESHOLDS = {
  "backend/auth-failures": 20,
  "backend/rest-errors": 50,
  "backend/graph-read-failures": 10,
  "worker/ingestion-failures": 10,
  "worker/confluence-sync": 10,
  "codesearch/clone-failures": 5,
  "codesearch/index-failures": 5,
  "codesearch/zoekt-errors": 10,
  "postgres/too-many-connections": 1,
  "postgres/disk-full": 1,
  "graph/oom": 1,
  "graph/connection": 10,
  "otel-collector/exporter-failures": 20,
  "otel-collector/quota": 1
};
var logsCheckOptions = {
  enabled: boolean2().default(false),
  windowMinutes: number2().int().min(1).max(60).default(5),
  thresholds: record(string2().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, "must be <component>/<signal>"), number2().int().min(1)).default({ ...DEFAULT_THRESHOLDS })
};
function logsVerdict(read, thresholds, windowMinutes) {
  const over = [];
  const details = [];
  const unreadable = [];
  let signals = 0;
  for (const { component, result } of read) {
    if (result.outcome === "unavailable") {
      unreadable.push(component);
      details.push(`\u26A0 ${component}: logs not read: ${result.reason}${result.fix ? ` (${result.fix})` : ""}`);
      continue;
    }
    for (const [key, limit] of Object.entries(thresholds)) {
      const [c, signal] = key.split("/");
      if (c !== component) continue;
      signals++;
      const n2 = result.counts[signal] ?? 0;
      const line2 = `${component} ${signal}: ${n2} in ${windowMinutes} min (warns at ${limit})`;
      if (n2 >= limit) {
        over.push(`${component} ${signal} ${n2}\xD7`);
        details.push(`\u26A0 ${line2}`);
      } else details.push(`\u2713 ${line2}`);
    }
  }
  if (over.length)
    return {
      status: "warn",
      summary: `${over.join(", ")} in the last ${windowMinutes} min`,
      details,
      independent: true
    };
  if (unreadable.length && unreadable.length === read.length)
    return {
      status: "warn",
      summary: `logs of ${unreadable.join(", ")} could not be read`,
      details,
      independent: true
    };
  return {
    status: "ok",
    summary: `${signals} signal${signals === 1 ? "" : "s"} under their thresholds in the last ${windowMinutes} min`,
    details
  };
}
function createLogsCheck(getLogs) {
  return {
    id: LOGS_CHECK_ID,
    title: "Logs",
    dependsOn: [],
    options: logsCheckOptions,
    async run(ctx) {
      const logs = getLogs();
      const env = ctx.env.name;
      const components = logs?.components(env) ?? [];
      if (!logs || !components.length)
        return skipped(`no log source for ${env}`, [`set logs.sources.${env} in ctx-ops.yml (README, "Logs")`]);
      const wanted = components.filter((c) => Object.keys(ctx.options.thresholds).some((k) => k.startsWith(`${c}/`)));
      if (!wanted.length) return skipped("no threshold names a component whose logs are read");
      const windowMs = ctx.options.windowMinutes * 6e4;
      const read = await Promise.all(
        wanted.map(async (component) => ({
          component,
          result: await logs.signalCounts({ env, component, windowMs }).catch(
            (err) => ({
              outcome: "unavailable",
              reason: err?.message ?? String(err)
            })
          )
        }))
      );
      return logsVerdict(read, ctx.options.thresholds, ctx.options.windowMinutes);
    }
  };
}

// src/app/checks.ts
var configurableChecks = [...allChecks, createLogsCheck(() => void 0)];
function composeChecks(config2, logs) {
  const wanted = config2.checks.logs?.enabled === true;
  return wanted ? [...allChecks, createLogsCheck(logs)] : allChecks;
}

// src/config/load.ts
import { readFileSync as readFileSync5, statSync as statSync3 } from "node:fs";
import { dirname as dirname4, isAbsolute as isAbsolute3, resolve as resolve4 } from "node:path";

// src/config/ctx-env.ts
var emptyIsUnset = (v) => typeof v === "string" && v.trim() === "" ? void 0 : v;
var optional2 = preprocess(emptyIsUnset, string2().optional());
function urlVar(schemes) {
  return preprocess(
    emptyIsUnset,
    string2().refine((v) => URL.canParse(v), { message: "is not a valid URL" }).refine((v) => !URL.canParse(v) || schemes.includes(new URL(v).protocol.replace(/:$/, "")), {
      message: `must use ${schemes.map((s) => `${s}://`).join(" or ")}`
    }).optional()
  );
}
var GRAPH_PROVIDERS = ["falkordb", "neo4j-enterprise", "memgraph", "neo4j-community", "neptune"];
var ctxEnvSchema = object({
  DATABASE_URL: urlVar(["postgres", "postgresql"]),
  AUTH_SECRET: optional2,
  AUTH_BASE_URL: urlVar(["http", "https"]).default("http://localhost:3000"),
  AUTH_ISSUER: optional2,
  AUTH_ALLOWED_ORIGINS: optional2,
  AUTH_TOKEN_AUDIENCE_CODESEARCH: preprocess(emptyIsUnset, string2().default("codesearch")),
  CONNECTION_SECRETS_ENCRYPTION_KEY: optional2,
  CODESEARCH_URL: urlVar(["http", "https"]).default("http://localhost:3001"),
  UI_PROXY_URL: urlVar(["http", "https"]).default("http://ui:3002"),
  GRAPH_DB_PROVIDER: preprocess(emptyIsUnset, _enum(GRAPH_PROVIDERS).default("falkordb")),
  GRAPH_DB_URI: optional2,
  GRAPH_DB_USER: optional2,
  GRAPH_DB_PASSWORD: optional2,
  MODEL_PROVIDER: optional2,
  MODEL_PROVIDER_API_KEY: optional2,
  MODEL_PROVIDER_URL: optional2,
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optional2,
  OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: optional2,
  OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: optional2,
  OTEL_EXPORTER_OTLP_HEADERS: optional2,
  GITHUB_CLIENT_ID: optional2,
  GITHUB_CLIENT_SECRET: optional2,
  GOOGLE_CLIENT_ID: optional2,
  GOOGLE_CLIENT_SECRET: optional2,
  MICROSOFT_CLIENT_ID: optional2,
  MICROSOFT_CLIENT_SECRET: optional2,
  ATLASSIAN_CLIENT_ID: optional2,
  ATLASSIAN_CLIENT_SECRET: optional2,
  GITHUB_APP_ID: optional2,
  GITHUB_PRIVATE_KEY: optional2,
  GITHUB_WEBHOOK_SECRET: optional2,
  GITHUB_APP_SLUG: optional2,
  CONFLUENCE_FORGE_INSTALL_URL: optional2,
  OPENWORKFLOW_POSTGRES_SCHEMA: preprocess(emptyIsUnset, string2().default("openworkflow")),
  /** The deployment's apps/backend/migrations folder (a ctx-ops addition, not a ctx| variable). */
  CTX_MIGRATIONS_DIR: optional2
});
var SECRET_NAME = /(SECRET|PASSWORD|PASSWD|TOKEN|API_KEY|PRIVATE_KEY|ENCRYPTION_KEY|HEADERS|CREDENTIALS)/i;

// src/config/sections/common.ts
var positiveInt = number2().int().positive();
var nonNegativeInt = number2().int().nonnegative();
var ianaTimezone = string2().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: "is not an IANA time zone (e.g. Europe/Berlin)" }
);
var channelRef = string2().min(1);
var slackPrincipal = string2().regex(/^[UWS][A-Z0-9]{2,}$/, "must be a Slack user id (U\u2026/W\u2026) or user-group id (S\u2026)");
var isoDate = string2().refine((s) => !Number.isNaN(Date.parse(s)), { message: "is not an ISO-8601 date-time" });

// src/config/sections/core.ts
var environmentSchema = object({
  /** The deployment's `.env` (the same file docker compose reads). */
  envFile: string2().min(1).optional(),
  /** Inline variables; they win over envFile. */
  env: record(string2(), union([string2(), number2(), boolean2()]).transform(String)).optional(),
  production: boolean2().default(false),
  /** The origin people open in their browser (defaults to AUTH_BASE_URL). */
  publicUrl: url().optional(),
  /** The deployment's apps/backend/migrations folder; same as CTX_MIGRATIONS_DIR. */
  migrationsDir: string2().min(1).optional(),
  /** Organisation slug used by probes that need one (MCP); defaults to the first organisation found. */
  probeOrg: string2().min(1).optional()
}).strict();
var coreSection = {
  timezone: ianaTimezone.default("UTC"),
  defaultEnvironment: string2().min(1).optional(),
  channels: object({ digest: channelRef.optional(), alerts: channelRef.optional(), incidents: channelRef.optional() }).strict().prefault({}),
  environments: record(
    string2().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, "environment names are lower-case letters, digits, - and _"),
    environmentSchema
  ).optional(),
  store: object({
    /** Postgres for the bot's own schema `ctx_ops`; CTX_OPS_DATABASE_URL wins over it. */
    databaseUrl: string2().optional()
  }).strict().prefault({})
};

// src/config/sections/checks.ts
function checksSection(checks) {
  const perCheck = Object.fromEntries(
    checks.map((c) => [
      c.id,
      object({ enabled: boolean2().default(true), timeoutMs: positiveInt.optional(), ...c.options ?? {} }).strict().prefault({})
    ])
  );
  return {
    checks: object({ timeoutMs: positiveInt.default(5e3), cacheMs: nonNegativeInt.default(1e4), ...perCheck }).strict().prefault({})
  };
}

// node_modules/node-cron/dist/_shared.js
import { EventEmitter } from "events";
import { randomUUID } from "node:crypto";
function createID() {
  return randomUUID();
}
var levelColors = {
  INFO: "\x1B[36m",
  WARN: "\x1B[33m",
  ERROR: "\x1B[31m",
  DEBUG: "\x1B[35m"
};
var GREEN = "\x1B[32m";
var RESET2 = "\x1B[0m";
function log(level, message, extra) {
  const timestamp = (/* @__PURE__ */ new Date()).toISOString();
  const color = levelColors[level];
  const prefix = `[${timestamp}] [PID: ${process.pid}] ${GREEN}[NODE-CRON]${GREEN} ${color}[${level}]${RESET2}`;
  const output = `${prefix} ${message}`;
  switch (level) {
    case "ERROR":
      console.error(output, extra ?? "");
      break;
    case "DEBUG":
      console.debug(output, extra ?? "");
      break;
    case "WARN":
      console.warn(output);
      break;
    case "INFO":
    default:
      console.info(output);
      break;
  }
}
var defaultLogger = {
  info(message) {
    log("INFO", message);
  },
  warn(message) {
    log("WARN", message);
  },
  error(message, err) {
    if (message instanceof Error) {
      log("ERROR", message.message, message);
    } else {
      log("ERROR", message, err);
    }
  },
  debug(message, err) {
    if (message instanceof Error) {
      log("DEBUG", message.message, message);
    } else {
      log("DEBUG", message, err);
    }
  }
};
var activeLogger = defaultLogger;
var logger = {
  info: (message) => activeLogger.info(message),
  warn: (message) => activeLogger.warn(message),
  error: (message, err) => activeLogger.error(message, err),
  debug: (message, err) => activeLogger.debug(message, err)
};
var TrackedPromise = class {
  promise;
  error;
  state;
  value;
  constructor(executor) {
    this.state = "pending";
    this.promise = new Promise((resolve5, reject) => {
      executor((value) => {
        this.state = "fulfilled";
        this.value = value;
        resolve5(value);
      }, (error2) => {
        this.state = "rejected";
        this.error = error2;
        reject(error2);
      });
    });
  }
  getPromise() {
    return this.promise;
  }
  getState() {
    return this.state;
  }
  isPending() {
    return this.state === "pending";
  }
  isFulfilled() {
    return this.state === "fulfilled";
  }
  isRejected() {
    return this.state === "rejected";
  }
  getValue() {
    return this.value;
  }
  getError() {
    return this.error;
  }
  then(onfulfilled, onrejected) {
    return this.promise.then(onfulfilled, onrejected);
  }
  catch(onrejected) {
    return this.promise.catch(onrejected);
  }
  finally(onfinally) {
    return this.promise.finally(onfinally);
  }
};
function planBeat(expected, now, toleranceMs, getNextMatch) {
  const missed = [];
  let slot = expected;
  while (true) {
    const nowMs = now.getTime();
    const slotMs = slot.getTime();
    if (nowMs < slotMs) {
      return { missed, next: slot };
    }
    const next = getNextMatch(slot);
    if (next.getTime() <= slotMs) {
      return { missed, next: getNextMatch(now) };
    }
    const gap = next.getTime() - slotMs;
    const lateBy = nowMs - slotMs;
    if (lateBy <= toleranceMs && lateBy < gap) {
      return { missed, run: slot, next };
    }
    missed.push(slot);
    slot = next;
  }
}
var DEFAULT_MISSED_EXECUTION_TOLERANCE = 1e3;
function emptyOnFn() {
}
function emptySkipFn() {
}
function emptyHookFn() {
  return true;
}
var DEFAULT_COORDINATOR_TTL = 3e4;
var Runner = class {
  timeMatcher;
  onMatch;
  noOverlap;
  maxExecutions;
  maxRandomDelay;
  missedExecutionTolerance;
  runCount;
  running;
  heartBeatTimeout;
  jitterTimeout;
  logger;
  onMissedExecution;
  onOverlap;
  onError;
  beforeRun;
  onFinished;
  onMaxExecutions;
  runCoordinator;
  coordinatorKeyPrefix;
  coordinatorTtl;
  onSkipped;
  unref;
  constructor(timeMatcher, onMatch, options) {
    this.timeMatcher = timeMatcher;
    this.onMatch = onMatch;
    this.noOverlap = options == void 0 || options.noOverlap === void 0 ? false : options.noOverlap;
    this.maxExecutions = options?.maxExecutions;
    this.maxRandomDelay = options?.maxRandomDelay || 0;
    this.missedExecutionTolerance = options?.missedExecutionTolerance ?? DEFAULT_MISSED_EXECUTION_TOLERANCE;
    this.logger = options?.logger || logger;
    this.onMissedExecution = options?.onMissedExecution || emptyOnFn;
    this.onOverlap = options?.onOverlap || emptyOnFn;
    this.onError = options?.onError || ((date3, error2) => this.logger.error("Task failed with error!", error2));
    this.onFinished = options?.onFinished || emptyHookFn;
    this.beforeRun = options?.beforeRun || emptyHookFn;
    this.onMaxExecutions = options?.onMaxExecutions || emptyOnFn;
    this.runCoordinator = options?.runCoordinator;
    this.coordinatorKeyPrefix = options?.coordinatorKeyPrefix || "";
    this.coordinatorTtl = options?.coordinatorTtl ?? DEFAULT_COORDINATOR_TTL;
    this.onSkipped = options?.onSkipped || emptySkipFn;
    this.unref = options?.unref ?? false;
    this.runCount = 0;
    this.running = false;
  }
  onErrorFallback = (date3, error2) => {
    this.logger.error("Task failed with error!", error2);
  };
  async runCoordinated(slot, run) {
    if (!this.runCoordinator) {
      await run();
      return;
    }
    const key = `${this.coordinatorKeyPrefix}:${slot.toISOString()}`;
    let allowed;
    try {
      allowed = await this.runCoordinator.shouldRun(key, this.coordinatorTtl);
    } catch (err) {
      this.logger.error("Run coordinator failed; skipping execution (fail-closed)", err);
      this.emitSkipped(slot, "coordinator-error");
      return;
    }
    if (!allowed) {
      this.emitSkipped(slot, "not-elected");
      return;
    }
    try {
      await run();
    } finally {
      try {
        await this.runCoordinator.onComplete?.(key);
      } catch (err) {
        this.logger.error("Run coordinator onComplete failed", err);
      }
    }
  }
  emitSkipped(slot, reason) {
    Promise.resolve(this.onSkipped(slot, reason)).catch((err) => this.onErrorFallback(slot, err));
  }
  start() {
    this.running = true;
    let lastExecution;
    let expectedNextExecution = this.timeMatcher.getNextMatch(nowWithoutMs());
    const armHeartBeat = () => {
      if (this.running) {
        clearTimeout(this.heartBeatTimeout);
        this.heartBeatTimeout = setTimeout(heartBeat, getDelay(expectedNextExecution));
        if (this.unref)
          this.heartBeatTimeout.unref();
      }
    };
    const runTask = async (date3) => {
      const execution = {
        id: createID(),
        reason: "scheduled"
      };
      let shouldExecute;
      try {
        shouldExecute = await this.beforeRun(date3, execution);
      } catch (error2) {
        this.onError(date3, error2, execution);
        return;
      }
      if (!shouldExecute)
        return;
      const execute = async () => {
        try {
          this.runCount++;
          execution.startedAt = /* @__PURE__ */ new Date();
          const result = await this.onMatch(date3, execution);
          execution.finishedAt = /* @__PURE__ */ new Date();
          execution.result = result;
        } catch (error2) {
          execution.finishedAt = /* @__PURE__ */ new Date();
          execution.error = error2;
          try {
            this.onError(date3, error2, execution);
          } catch (hookError) {
            this.onErrorFallback(date3, hookError);
          }
          return;
        }
        try {
          await this.onFinished(date3, execution);
        } catch (hookError) {
          this.onErrorFallback(date3, hookError);
        }
        if (this.maxExecutions && this.runCount >= this.maxExecutions) {
          this.onMaxExecutions(date3);
          this.stop();
        }
      };
      const randomDelay = Math.floor(Math.random() * this.maxRandomDelay);
      if (randomDelay > 0) {
        await new Promise((resolve5) => {
          this.jitterTimeout = setTimeout(() => {
            execute().then(() => resolve5(), () => resolve5());
          }, randomDelay);
          if (this.unref)
            this.jitterTimeout.unref();
        });
      } else {
        await execute();
      }
    };
    const heartBeat = async () => {
      const currentDate = nowWithoutMs();
      const plan = planBeat(expectedNextExecution, currentDate, this.missedExecutionTolerance, (date3) => this.timeMatcher.getNextMatch(date3));
      expectedNextExecution = plan.next;
      for (const missedSlot of plan.missed) {
        runAsync(this.onMissedExecution, missedSlot, this.onErrorFallback);
      }
      if (plan.run) {
        if (lastExecution && lastExecution.getState() === "pending") {
          runAsync(this.onOverlap, plan.run, this.onErrorFallback);
          if (this.noOverlap) {
            this.logger.warn("task still running, new execution blocked by overlap prevention!");
            armHeartBeat();
            return;
          }
        }
        const slot = plan.run;
        lastExecution = new TrackedPromise(async (resolve5, reject) => {
          try {
            await this.runCoordinated(slot, () => runTask(slot));
            resolve5(true);
          } catch (err) {
            reject(err);
          }
        });
        lastExecution.catch(() => {
        });
      }
      armHeartBeat();
    };
    armHeartBeat();
  }
  nextRun() {
    return this.timeMatcher.getNextMatch(/* @__PURE__ */ new Date());
  }
  stop() {
    this.running = false;
    if (this.heartBeatTimeout) {
      clearTimeout(this.heartBeatTimeout);
      this.heartBeatTimeout = void 0;
    }
    if (this.jitterTimeout) {
      clearTimeout(this.jitterTimeout);
      this.jitterTimeout = void 0;
    }
  }
  isStarted() {
    return !!this.heartBeatTimeout && this.running;
  }
  isStopped() {
    return !this.isStarted();
  }
  setUnref(value) {
    this.unref = value;
    if (this.heartBeatTimeout) {
      if (value)
        this.heartBeatTimeout.unref();
      else
        this.heartBeatTimeout.ref();
    }
    if (this.jitterTimeout) {
      if (value)
        this.jitterTimeout.unref();
      else
        this.jitterTimeout.ref();
    }
  }
  async execute(executionId) {
    const date3 = /* @__PURE__ */ new Date();
    const execution = {
      id: executionId ?? createID(),
      reason: "invoked"
    };
    try {
      const shouldExecute = await this.beforeRun(date3, execution);
      if (!shouldExecute)
        return;
      execution.startedAt = /* @__PURE__ */ new Date();
      const result = await this.onMatch(date3, execution);
      execution.finishedAt = /* @__PURE__ */ new Date();
      execution.result = result;
    } catch (error2) {
      execution.finishedAt = /* @__PURE__ */ new Date();
      execution.error = error2;
      this.onError(date3, error2, execution);
      return;
    }
    try {
      await this.onFinished(date3, execution);
    } catch (hookError) {
      this.onErrorFallback(date3, hookError);
    }
  }
};
async function runAsync(fn, date3, onError) {
  try {
    await fn(date3);
  } catch (error2) {
    onError(date3, error2);
  }
}
function getDelay(nextRun) {
  const maxDelay = 864e5;
  const now = /* @__PURE__ */ new Date();
  const delay = nextRun.getTime() - now.getTime();
  if (delay > maxDelay) {
    return maxDelay;
  }
  return Math.max(0, delay);
}
function nowWithoutMs() {
  const date3 = /* @__PURE__ */ new Date();
  date3.setMilliseconds(0);
  return date3;
}
var monthNamesConversion = /* @__PURE__ */ (() => {
  const months = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december"
  ];
  const shortMonths = [
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec"
  ];
  function convertMonthName(expression, items) {
    for (let i = 0; i < items.length; i++) {
      expression = expression.replace(new RegExp(items[i], "gi"), i + 1);
    }
    return expression;
  }
  function interpret(monthExpression) {
    monthExpression = convertMonthName(monthExpression, months);
    monthExpression = convertMonthName(monthExpression, shortMonths);
    return monthExpression;
  }
  return interpret;
})();
var weekDayNamesConversion = /* @__PURE__ */ (() => {
  const weekDays = [
    "sunday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday"
  ];
  const shortWeekDays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
  function convertWeekDayName(expression, items) {
    for (let i = 0; i < items.length; i++) {
      expression = expression.replace(new RegExp(items[i], "gi"), i);
    }
    return expression;
  }
  function convertWeekDays(expression) {
    expression = convertWeekDayName(expression, weekDays);
    return convertWeekDayName(expression, shortWeekDays);
  }
  return convertWeekDays;
})();
var convertAsterisksToRanges = /* @__PURE__ */ (() => {
  function convertAsterisk(expression, replecement) {
    return expression.split(",").map((token) => token.indexOf("*") !== -1 ? token.replace("*", replecement) : token).join(",");
  }
  function convertAsterisksToRanges2(expressions) {
    expressions[0] = convertAsterisk(expressions[0], "0-59");
    expressions[1] = convertAsterisk(expressions[1], "0-59");
    expressions[2] = convertAsterisk(expressions[2], "0-23");
    expressions[3] = convertAsterisk(expressions[3], "1-31");
    expressions[4] = convertAsterisk(expressions[4], "1-12");
    expressions[5] = convertAsterisk(expressions[5], "0-6");
    return expressions;
  }
  return convertAsterisksToRanges2;
})();
var convertRanges = /* @__PURE__ */ (() => {
  const rangeRegEx = /^(\d+)-(\d+)(?:\/(\d+))?$/;
  const FIELD_BOUNDS = [
    { min: 0, max: 59 },
    { min: 0, max: 59 },
    { min: 0, max: 23 },
    { min: 1, max: 31 },
    { min: 1, max: 12 },
    { min: 0, max: 6 }
  ];
  function expandRange(initTxt, endTxt, stepTxt, bounds) {
    const step = parseInt(stepTxt, 10);
    if (!(step >= 1))
      return `${initTxt}-${endTxt}/${stepTxt}`;
    const first = parseInt(initTxt, 10);
    const last = parseInt(endTxt, 10);
    const numbers = [];
    if (first <= last) {
      for (let i = first; i <= last; i += step) {
        numbers.push(i);
      }
      return numbers.join();
    }
    const { min, max } = bounds;
    const size = max - min + 1;
    const span = ((last - first) % size + size) % size;
    for (let offset = 0; offset <= span; offset += step) {
      let value = first + offset;
      if (value > max)
        value -= size;
      numbers.push(value);
    }
    return numbers.join();
  }
  function convertRange(expression, bounds) {
    return expression.split(",").map((token) => {
      const match = rangeRegEx.exec(token.trim());
      return match ? expandRange(match[1], match[2], match[3] || "1", bounds) : token;
    }).join();
  }
  function convertAllRanges(expressions) {
    for (let i = 0; i < expressions.length; i++) {
      expressions[i] = convertRange(expressions[i], FIELD_BOUNDS[i]);
    }
    return expressions;
  }
  return convertAllRanges;
})();
var NICKNAMES = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *"
};
function resolveNickname(expression) {
  const key = expression.trim().toLowerCase();
  return NICKNAMES[key] ?? expression;
}
var convertExpression = /* @__PURE__ */ (() => {
  function appendSecondExpression(expressions) {
    if (expressions.length === 5) {
      return ["0"].concat(expressions);
    }
    return expressions;
  }
  function removeSpaces(str) {
    return str.replace(/\s{2,}/g, " ").trim();
  }
  function normalizeIntegers(expressions) {
    for (let i = 0; i < expressions.length; i++) {
      const numbers = expressions[i].split(",");
      for (let j = 0; j < numbers.length; j++) {
        const token = String(numbers[j]).trim();
        if (/^l$/i.test(token)) {
          numbers[j] = "L";
        } else if (/^l-\d{1,2}$/i.test(token)) {
          numbers[j] = token.toUpperCase();
        } else if (/^[0-7]l$/i.test(token)) {
          numbers[j] = token.toUpperCase();
        } else if (/w/i.test(token)) {
          numbers[j] = token.toUpperCase();
        } else if (token.indexOf("#") !== -1) {
          numbers[j] = token;
        } else if (/^\d+$/.test(token)) {
          numbers[j] = parseInt(token, 10);
        } else {
          numbers[j] = token;
        }
      }
      expressions[i] = numbers;
    }
    return expressions;
  }
  function convertQuestionMarks(expressions) {
    if (expressions[3] === "?")
      expressions[3] = "*";
    if (expressions[5] === "?")
      expressions[5] = "*";
    return expressions;
  }
  function interpret(expression) {
    let expressions = removeSpaces(resolveNickname(`${expression}`)).split(" ");
    expressions = appendSecondExpression(expressions);
    expressions = convertQuestionMarks(expressions);
    expressions[4] = monthNamesConversion(expressions[4]);
    expressions[5] = weekDayNamesConversion(expressions[5]);
    expressions = convertAsterisksToRanges(expressions);
    expressions = convertRanges(expressions);
    expressions = normalizeIntegers(expressions);
    const weekdays = expressions[5];
    for (let i = 0; i < weekdays.length; i++) {
      if (weekdays[i] === 7)
        weekdays[i] = 0;
      else if (typeof weekdays[i] === "string" && weekdays[i].startsWith("7")) {
        weekdays[i] = "0" + weekdays[i].slice(1);
      }
    }
    expressions[5] = [...new Set(weekdays)];
    return expressions;
  }
  return interpret;
})();
var LocalizedTime = class {
  timestamp;
  parts;
  timezone;
  constructor(date3, timezone) {
    this.timestamp = date3.getTime();
    this.timezone = timezone;
    this.parts = buildDateParts(date3, timezone);
  }
  toDate() {
    return new Date(this.timestamp);
  }
  toISO() {
    const gmt = this.parts.gmt.replace(/^GMT/, "");
    const offset = gmt ? gmt : "Z";
    const pad = (n2) => String(n2).padStart(2, "0");
    return `${this.parts.year}-${pad(this.parts.month)}-${pad(this.parts.day)}T${pad(this.parts.hour)}:${pad(this.parts.minute)}:${pad(this.parts.second)}.${String(this.parts.millisecond).padStart(3, "0")}` + offset;
  }
  getParts() {
    return this.parts;
  }
};
function getOffsetMinutes(date3, timezone) {
  const offset = parseOffsetMinutes(getTimezoneGMT(date3, timezone).replace(/^GMT/, "") || "Z");
  return offset ?? 0;
}
function readsBackTo(timestamp, parts, timezone) {
  const p = buildDateParts(new Date(timestamp), timezone);
  return p.year === parts.year && p.month === parts.month && p.day === parts.day && p.hour === parts.hour && p.minute === parts.minute && p.second === parts.second;
}
function localTimeToTimestamp(parts, timezone) {
  const guess = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, parts.millisecond);
  const firstOffset = getOffsetMinutes(new Date(guess), timezone);
  const candidate1 = guess - firstOffset * 6e4;
  const secondOffset = getOffsetMinutes(new Date(candidate1), timezone);
  if (secondOffset === firstOffset) {
    return candidate1;
  }
  const candidate2 = guess - secondOffset * 6e4;
  if (readsBackTo(candidate1, parts, timezone))
    return candidate1;
  if (readsBackTo(candidate2, parts, timezone))
    return candidate2;
  return Math.max(candidate1, candidate2);
}
var partsFormatterCache = /* @__PURE__ */ new Map();
var offsetFormatterCache = /* @__PURE__ */ new Map();
function getPartsFormatter(timezone) {
  const key = timezone ?? "";
  let formatter = partsFormatterCache.get(key);
  if (!formatter) {
    const dftOptions = {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "short",
      hour12: false
    };
    if (timezone) {
      dftOptions.timeZone = timezone;
    }
    formatter = new Intl.DateTimeFormat("en-US", dftOptions);
    partsFormatterCache.set(key, formatter);
  }
  return formatter;
}
function getOffsetFormatter(timezone) {
  const key = timezone ?? "";
  let formatter = offsetFormatterCache.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      timeZoneName: "shortOffset"
    });
    offsetFormatterCache.set(key, formatter);
  }
  return formatter;
}
function buildDateParts(date3, timezone) {
  const dateFormat = getPartsFormatter(timezone);
  const parts = dateFormat.formatToParts(date3).filter((part) => {
    return part.type !== "literal";
  }).reduce((acc, part) => {
    acc[part.type] = part.value;
    return acc;
  }, {});
  const result = {
    day: parseInt(parts.day),
    month: parseInt(parts.month),
    year: parseInt(parts.year),
    hour: parts.hour === "24" ? 0 : parseInt(parts.hour),
    minute: parseInt(parts.minute),
    second: parseInt(parts.second),
    millisecond: date3.getMilliseconds(),
    weekday: parts.weekday
  };
  let gmt;
  Object.defineProperty(result, "gmt", {
    enumerable: true,
    configurable: true,
    get() {
      return gmt ??= getTimezoneGMT(date3, timezone);
    }
  });
  return result;
}
function parseOffsetMinutes(isoString) {
  if (isoString.endsWith("Z"))
    return 0;
  const match = isoString.match(/([+-])(\d{2}):(\d{2})$/);
  if (!match)
    return null;
  const sign = match[1] === "+" ? 1 : -1;
  return sign * (parseInt(match[2]) * 60 + parseInt(match[3]));
}
function getTimezoneGMT(date3, timezone) {
  const fmt = getOffsetFormatter(timezone);
  const parts = fmt.formatToParts(date3);
  const tzPart = parts.find((p) => p.type === "timeZoneName");
  if (!tzPart)
    return "Z";
  const tzValue = tzPart.value;
  if (tzValue === "GMT")
    return "Z";
  const match = tzValue.match(/^GMT([+-])(\d{1,2})(?::(\d{2}))?$/);
  if (!match)
    return "Z";
  const sign = match[1];
  const hoursNum = parseInt(match[2]);
  const minutesNum = parseInt(match[3] || "0");
  if (hoursNum === 0 && minutesNum === 0)
    return "Z";
  const hours = match[2].padStart(2, "0");
  const minutes = (match[3] || "00").padStart(2, "0");
  return `GMT${sign}${hours}:${minutes}`;
}
var LAST_DAY_TOKEN = "L";
var WEEKDAY_TOKEN = /^(\d{1,2}|L)W$/;
var LAST_DAY_OFFSET_TOKEN = /^L-(\d{1,2})$/;
function lastDayOfMonth(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
function nearestWeekday(year, month, target) {
  const last = lastDayOfMonth(year, month);
  if (target < 1 || target > last)
    return -1;
  const weekday = new Date(Date.UTC(year, month - 1, target)).getUTCDay();
  if (weekday === 6)
    return target === 1 ? target + 2 : target - 1;
  if (weekday === 0)
    return target === last ? target - 2 : target + 1;
  return target;
}
function matchesDayOfMonth(field, year, month, day2) {
  for (const value of field) {
    if (value === day2)
      return true;
    if (value === LAST_DAY_TOKEN && day2 === lastDayOfMonth(year, month))
      return true;
    if (typeof value === "string") {
      const weekdayMatch = WEEKDAY_TOKEN.exec(value);
      if (weekdayMatch) {
        const target = weekdayMatch[1] === LAST_DAY_TOKEN ? lastDayOfMonth(year, month) : parseInt(weekdayMatch[1], 10);
        if (nearestWeekday(year, month, target) === day2)
          return true;
      }
      const offsetMatch = LAST_DAY_OFFSET_TOKEN.exec(value);
      if (offsetMatch) {
        const target = lastDayOfMonth(year, month) - parseInt(offsetMatch[1], 10);
        if (target >= 1 && target === day2)
          return true;
      }
    }
  }
  return false;
}
var LAST_WEEKDAY_REGEX = /^([0-7])L$/i;
var NTH_WEEKDAY_REGEX = /^([0-7])#([1-5])$/;
function parseLastWeekdayToken(value) {
  if (typeof value !== "string")
    return null;
  const match = LAST_WEEKDAY_REGEX.exec(value);
  if (!match)
    return null;
  const weekday = parseInt(match[1], 10);
  return weekday === 7 ? 0 : weekday;
}
function isLastWeekdayOfMonth(year, month, day2) {
  const date3 = new Date(Date.UTC(year, month - 1, day2));
  const inSevenDays = new Date(date3.getTime());
  inSevenDays.setUTCDate(inSevenDays.getUTCDate() + 7);
  return inSevenDays.getUTCMonth() + 1 !== month;
}
function isNthWeekdayToken(value) {
  return typeof value === "string" && NTH_WEEKDAY_REGEX.test(value);
}
function parseNthWeekday(value) {
  if (typeof value !== "string")
    return null;
  const match = NTH_WEEKDAY_REGEX.exec(value);
  if (!match)
    return null;
  const weekday = parseInt(match[1], 10) % 7;
  const nth = parseInt(match[2], 10);
  return { weekday, nth };
}
function occurrenceInMonth(day2) {
  return Math.floor((day2 - 1) / 7) + 1;
}
function matchesNthWeekday(token, year, month, day2) {
  const parsed = parseNthWeekday(token);
  if (!parsed)
    return false;
  const weekday = new Date(Date.UTC(year, month - 1, day2)).getUTCDay();
  if (weekday !== parsed.weekday)
    return false;
  return occurrenceInMonth(day2) === parsed.nth;
}
function matchesDayOfWeek(field, year, month, day2, weekday) {
  for (const value of field) {
    if (value === weekday)
      return true;
    if (isNthWeekdayToken(value)) {
      if (matchesNthWeekday(value, year, month, day2))
        return true;
      continue;
    }
    const lastWeekday = parseLastWeekdayToken(value);
    if (lastWeekday !== null && lastWeekday === weekday && isLastWeekdayOfMonth(year, month, day2)) {
      return true;
    }
  }
  return false;
}
var MAX_DAYS = 366 * 100;
var MatcherWalker = class {
  baseDate;
  timeMatcher;
  timezone;
  seconds;
  minutes;
  hours;
  days;
  months;
  weekdays;
  constructor(timeMatcher, baseDate, timezone) {
    this.baseDate = baseDate;
    this.timeMatcher = timeMatcher;
    this.timezone = timezone;
    const expressions = timeMatcher.expressions;
    this.seconds = sortedAsc(expressions[0]);
    this.minutes = sortedAsc(expressions[1]);
    this.hours = sortedAsc(expressions[2]);
    this.days = expressions[3];
    this.months = expressions[4];
    this.weekdays = expressions[5];
  }
  isMatching() {
    return this.timeMatcher.match(this.baseDate);
  }
  matchNext() {
    const months = this.months;
    const days = this.days;
    const baseMs = Math.floor(this.baseDate.getTime() / 1e3) * 1e3;
    const baseParts = new LocalizedTime(new Date(baseMs), this.timezone).getParts();
    let { year, month, day: day2 } = baseParts;
    for (let i = 0; i < MAX_DAYS; i++) {
      if (months.includes(month) && matchesDayOfMonth(days, year, month, day2) && this.matchesWeekday(year, month, day2)) {
        const lowerBound = i === 0 ? baseParts : null;
        const found = this.firstTimeOnDay(year, month, day2, lowerBound, baseMs);
        if (found !== null) {
          return new LocalizedTime(new Date(found), this.timezone);
        }
      }
      ({ year, month, day: day2 } = nextDay(year, month, day2));
    }
    throw new Error("Could not find next matching date within reasonable time range");
  }
  firstTimeOnDay(year, month, day2, lowerBound, baseMs) {
    const { seconds, minutes, hours } = this;
    for (const hour of hours) {
      if (lowerBound && hour < lowerBound.hour)
        continue;
      for (const minute of minutes) {
        for (const second of seconds) {
          if (lowerBound && !isLaterInDay(hour, minute, second, lowerBound))
            continue;
          const ts = localTimeToTimestamp({ year, month, day: day2, hour, minute, second, millisecond: 0 }, this.timezone);
          if (ts > baseMs && this.timeMatcher.match(new Date(ts))) {
            return ts;
          }
        }
      }
    }
    return null;
  }
  matchesWeekday(year, month, day2) {
    const weekday = new Date(Date.UTC(year, month - 1, day2)).getUTCDay();
    return matchesDayOfWeek(this.weekdays, year, month, day2, weekday);
  }
};
function nextDay(year, month, day2) {
  const d = new Date(Date.UTC(year, month - 1, day2 + 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
function sortedAsc(values) {
  return [...values].sort((a, b) => a - b);
}
function isLaterInDay(hour, minute, second, bound) {
  return hour * 3600 + minute * 60 + second > bound.hour * 3600 + bound.minute * 60 + bound.second;
}
function matchValue(allowedValues, value) {
  return allowedValues.indexOf(value) !== -1;
}
var TimeMatcher = class {
  timezone;
  pattern;
  expressions;
  constructor(pattern, timezone) {
    this.timezone = timezone;
    this.pattern = pattern;
    this.expressions = convertExpression(pattern);
  }
  match(date3) {
    const localizedTime = new LocalizedTime(date3, this.timezone);
    const parts = localizedTime.getParts();
    const runOnSecond = matchValue(this.expressions[0], parts.second);
    const runOnMinute = matchValue(this.expressions[1], parts.minute);
    const runOnHour = matchValue(this.expressions[2], parts.hour);
    const runOnDay = matchesDayOfMonth(this.expressions[3], parts.year, parts.month, parts.day);
    const runOnMonth = matchValue(this.expressions[4], parts.month);
    const weekday = parseInt(weekDayNamesConversion(parts.weekday));
    const runOnWeekDay = matchesDayOfWeek(this.expressions[5], parts.year, parts.month, parts.day, weekday);
    return runOnSecond && runOnMinute && runOnHour && runOnDay && runOnMonth && runOnWeekDay;
  }
  getNextMatch(date3) {
    const walker = new MatcherWalker(this, date3, this.timezone);
    const next = walker.matchNext();
    return next.toDate();
  }
};
var allowedTransitions = {
  "stopped": ["stopped", "idle", "destroyed"],
  "idle": ["idle", "running", "stopped", "destroyed"],
  "running": ["running", "idle", "stopped", "destroyed"],
  "destroyed": ["destroyed"]
};
var StateMachine = class {
  state;
  constructor(initial = "stopped") {
    this.state = initial;
  }
  changeState(state) {
    if (allowedTransitions[this.state].includes(state)) {
      this.state = state;
    } else {
      throw new Error(`invalid transition from ${this.state} to ${state}`);
    }
  }
};
var EnvVarRunCoordinator = class {
  envName;
  constructor(envName = "NODE_CRON_RUN") {
    this.envName = envName;
    this.read();
  }
  shouldRun() {
    return this.read();
  }
  read() {
    const value = process.env[this.envName];
    if (value !== "true" && value !== "false") {
      throw new Error(`node-cron: a \`distributed\` task needs ${this.envName} set to 'true' or 'false'. Set it to 'true' on exactly one instance and 'false' on the others, or provide a coordinator via cron.setRunCoordinator(...).`);
    }
    return value === "true";
  }
};
var globalRunCoordinator;
function resolveRunCoordinator(perTask) {
  return perTask ?? globalRunCoordinator ?? new EnvVarRunCoordinator();
}
var TaskEmitter = class extends EventEmitter {
};
function safeEmit(emitter, event, context, onError) {
  for (const listener of emitter.listeners(event)) {
    try {
      Promise.resolve(listener(context)).catch(onError);
    } catch (error2) {
      onError(error2);
    }
  }
}
var InlineScheduledTask = class {
  emitter;
  cronExpression;
  timeMatcher;
  runner;
  id;
  name;
  stateMachine;
  timezone;
  logger;
  suppressMissedWarning;
  _lastRun = null;
  constructor(cronExpression3, taskFn, options) {
    this.emitter = new TaskEmitter();
    this.cronExpression = cronExpression3;
    this.id = createID();
    this.name = options?.name || this.id;
    this.timezone = options?.timezone;
    this.logger = options?.logger || logger;
    this.suppressMissedWarning = options?.suppressMissedWarning || false;
    this.timeMatcher = new TimeMatcher(cronExpression3, options?.timezone);
    this.stateMachine = new StateMachine();
    const runnerOptions = {
      timezone: options?.timezone,
      noOverlap: options?.noOverlap,
      maxExecutions: options?.maxExecutions,
      maxRandomDelay: options?.maxRandomDelay,
      missedExecutionTolerance: options?.missedExecutionTolerance,
      logger: this.logger,
      beforeRun: (date3, execution) => {
        if (execution.reason === "scheduled") {
          this.changeState("running");
        }
        this.emit("execution:started", this.createContext(date3, execution));
        return true;
      },
      onFinished: (date3, execution) => {
        if (execution.reason === "scheduled") {
          this.changeState("idle");
        }
        this.recordLastRun(execution);
        this.emit("execution:finished", this.createContext(date3, execution));
        return true;
      },
      onError: (date3, error2, execution) => {
        this.logger.error(error2);
        this.recordLastRun(execution);
        this.emit("execution:failed", this.createContext(date3, execution));
        this.changeState("idle");
      },
      onOverlap: (date3) => {
        this.emit("execution:overlap", this.createContext(date3));
      },
      onMissedExecution: (date3) => {
        const handled = this.emitter.listenerCount("execution:missed") > 0;
        if (!this.suppressMissedWarning && !handled) {
          this.logger.warn(`missed execution at ${date3}! Possible blocking IO or high CPU user at the same process used by node-cron.`);
        }
        this.emit("execution:missed", this.createContext(date3));
      },
      onMaxExecutions: (date3) => {
        this.emit("execution:maxReached", this.createContext(date3));
        this.destroy();
      },
      runCoordinator: options?.distributed ? resolveRunCoordinator(options?.runCoordinator) : void 0,
      coordinatorKeyPrefix: this.name,
      coordinatorTtl: options?.distributedLease,
      onSkipped: (date3, reason) => {
        this.emit("execution:skipped", this.createContext(date3, void 0, reason));
      },
      unref: options?.unref
    };
    this.runner = new Runner(this.timeMatcher, (date3, execution) => {
      return taskFn(this.createContext(date3, execution));
    }, runnerOptions);
  }
  getNextRun() {
    if (this.stateMachine.state !== "stopped") {
      return this.runner.nextRun();
    }
    return null;
  }
  getNextRuns(count) {
    const runs = [];
    let from = /* @__PURE__ */ new Date();
    for (let i = 0; i < count; i++) {
      from = this.timeMatcher.getNextMatch(from);
      runs.push(from);
    }
    return runs;
  }
  match(date3) {
    return this.timeMatcher.match(date3);
  }
  msToNext() {
    const next = this.getNextRun();
    return next ? next.getTime() - Date.now() : null;
  }
  isBusy() {
    return this.getStatus() === "running";
  }
  runsLeft() {
    if (this.runner.maxExecutions == null)
      return void 0;
    return Math.max(0, this.runner.maxExecutions - this.runner.runCount);
  }
  getPattern() {
    return this.cronExpression;
  }
  lastRun() {
    return this._lastRun;
  }
  recordLastRun(execution) {
    const date3 = execution.finishedAt;
    const lastRun = { date: date3 };
    if (execution.error) {
      lastRun.error = execution.error;
    } else {
      lastRun.result = execution.result;
    }
    this._lastRun = lastRun;
  }
  emit(event, context) {
    safeEmit(this.emitter, event, context, (error2) => this.logger.error(error2));
  }
  changeState(state) {
    if (this.runner.isStarted()) {
      this.stateMachine.changeState(state);
    }
  }
  start() {
    if (this.stateMachine.state === "destroyed")
      return;
    if (this.runner.isStopped()) {
      this.runner.start();
      this.stateMachine.changeState("idle");
      this.emit("task:started", this.createContext(/* @__PURE__ */ new Date()));
    }
  }
  stop() {
    if (this.runner.isStarted()) {
      this.runner.stop();
      this.stateMachine.changeState("stopped");
      this.emit("task:stopped", this.createContext(/* @__PURE__ */ new Date()));
    }
  }
  getStatus() {
    return this.stateMachine.state;
  }
  unref() {
    this.runner.setUnref(true);
  }
  ref() {
    this.runner.setUnref(false);
  }
  destroy() {
    if (this.stateMachine.state === "destroyed")
      return;
    this.stop();
    this.stateMachine.changeState("destroyed");
    this.emit("task:destroyed", this.createContext(/* @__PURE__ */ new Date()));
  }
  execute(executionId) {
    const id = executionId ?? createID();
    return new Promise((resolve5, reject) => {
      const onFail = (context) => {
        if (context.execution?.id !== id)
          return;
        this.off("execution:finished", onFinished);
        this.off("execution:failed", onFail);
        reject(context.execution?.error);
      };
      const onFinished = (context) => {
        if (context.execution?.id !== id)
          return;
        this.off("execution:finished", onFinished);
        this.off("execution:failed", onFail);
        resolve5(context.execution?.result);
      };
      this.on("execution:finished", onFinished);
      this.on("execution:failed", onFail);
      this.runner.execute(id);
    });
  }
  on(event, fun) {
    this.emitter.on(event, fun);
  }
  off(event, fun) {
    this.emitter.off(event, fun);
  }
  once(event, fun) {
    this.emitter.once(event, fun);
  }
  createContext(executionDate, execution, reason) {
    const localTime = new LocalizedTime(executionDate, this.timezone);
    const ctx = {
      date: localTime.toDate(),
      dateLocalIso: localTime.toISO(),
      triggeredAt: /* @__PURE__ */ new Date(),
      task: this,
      execution
    };
    if (reason)
      ctx.reason = reason;
    return ctx;
  }
};

// node_modules/node-cron/dist/node-cron.js
import path, { resolve, dirname as dirname2 } from "path";
import { fileURLToPath as fileURLToPath2, pathToFileURL } from "url";
import { fork } from "child_process";
import { EventEmitter as EventEmitter2 } from "events";
var tasks = /* @__PURE__ */ new Map();
var TaskRegistry = class {
  add(task) {
    if (this.has(task.id)) {
      throw Error(`task ${task.id} already registered!`);
    }
    tasks.set(task.id, task);
    task.on("task:destroyed", () => {
      this.remove(task);
    });
  }
  get(taskId) {
    return tasks.get(taskId);
  }
  remove(task) {
    if (this.has(task.id)) {
      tasks.delete(task.id);
      task.destroy();
    }
  }
  all() {
    return tasks;
  }
  has(taskId) {
    return tasks.has(taskId);
  }
  killAll() {
    tasks.forEach((id) => this.remove(id));
  }
};
var validationRegex = /^(?:\d+|\*|\*\/\d+)$/;
var ALLOWED_CHARS_REGEX = /^[a-zA-Z0-9-*/,#? ]+$/;
function splitFields(resolved) {
  return resolved.replace(/\s{2,}/g, " ").trim().split(" ");
}
function isValidExpression(expression, min, max) {
  const options = expression;
  for (const option of options) {
    const optionAsInt = parseInt(option, 10);
    if (!Number.isNaN(optionAsInt) && (optionAsInt < min || optionAsInt > max) || !validationRegex.test(option))
      return false;
  }
  return true;
}
function isInvalidSecond(expression) {
  return !isValidExpression(expression, 0, 59);
}
function isInvalidMinute(expression) {
  return !isValidExpression(expression, 0, 59);
}
function isInvalidHour(expression) {
  return !isValidExpression(expression, 0, 23);
}
var DAY_OF_MONTH_W_TOKEN = /^(\d{1,2}|L)W$/i;
var DAY_OF_MONTH_OFFSET_TOKEN = /^L-(\d{1,2})$/i;
function isInvalidDayOfMonth(expression) {
  const days = expression.filter((value) => {
    if (value === "L")
      return false;
    const weekday = DAY_OF_MONTH_W_TOKEN.exec(String(value));
    if (weekday) {
      if (weekday[1] === "L")
        return false;
      const target = parseInt(weekday[1], 10);
      return target < 1 || target > 31;
    }
    const offset = DAY_OF_MONTH_OFFSET_TOKEN.exec(String(value));
    if (offset) {
      const n2 = parseInt(offset[1], 10);
      return n2 < 1 || n2 > 30;
    }
    return true;
  });
  return !isValidExpression(days, 1, 31);
}
function hasInvalidWModifier(rawDayOfMonth) {
  if (!/w/i.test(rawDayOfMonth))
    return false;
  return rawDayOfMonth.split(",").some((token) => {
    const value = token.trim();
    if (!/w/i.test(value))
      return false;
    return !DAY_OF_MONTH_W_TOKEN.test(value);
  });
}
function isInvalidMonth(expression) {
  return !isValidExpression(expression, 1, 12);
}
function isInvalidWeekDay(expression) {
  const days = expression.filter((value) => !isNthWeekdayToken(value) && !/^[0-7]L$/.test(value));
  return !isValidExpression(days, 0, 7);
}
var MAX_DAYS_IN_MONTH = {
  1: 31,
  2: 29,
  3: 31,
  4: 30,
  5: 31,
  6: 30,
  7: 31,
  8: 31,
  9: 30,
  10: 31,
  11: 30,
  12: 31
};
function isImpossibleDayOfMonth(days, months) {
  if (days.some((day2) => typeof day2 !== "number"))
    return false;
  return !months.some((month) => days.some((day2) => day2 <= MAX_DAYS_IN_MONTH[month]));
}
function validateFields(patterns, executablePatterns) {
  if (isInvalidSecond(executablePatterns[0]))
    throw new Error(`${patterns[0]} is a invalid expression for second`);
  if (isInvalidMinute(executablePatterns[1]))
    throw new Error(`${patterns[1]} is a invalid expression for minute`);
  if (isInvalidHour(executablePatterns[2]))
    throw new Error(`${patterns[2]} is a invalid expression for hour`);
  if (isInvalidDayOfMonth(executablePatterns[3]) || hasInvalidWModifier(patterns[3]))
    throw new Error(`${patterns[3]} is a invalid expression for day of month`);
  if (isInvalidMonth(executablePatterns[4]))
    throw new Error(`${patterns[4]} is a invalid expression for month`);
  if (isInvalidWeekDay(executablePatterns[5]))
    throw new Error(`${patterns[5]} is a invalid expression for week day`);
  if (isImpossibleDayOfMonth(executablePatterns[3], executablePatterns[4]))
    throw new Error(`${patterns[3]} ${patterns[4]} is an impossible day of month for the given month`);
}
var FIELDS = [
  { key: "second", label: "second", invalid: isInvalidSecond },
  { key: "minute", label: "minute", invalid: isInvalidMinute },
  { key: "hour", label: "hour", invalid: isInvalidHour },
  { key: "dayOfMonth", label: "day of month", invalid: isInvalidDayOfMonth },
  { key: "month", label: "month", invalid: isInvalidMonth },
  { key: "dayOfWeek", label: "week day", invalid: isInvalidWeekDay }
];
function validateDetailed$1(pattern) {
  if (typeof pattern !== "string")
    return { valid: false, errors: [{ field: "expression", message: "pattern must be a string" }] };
  const resolved = resolveNickname(pattern);
  if (!ALLOWED_CHARS_REGEX.test(resolved))
    return { valid: false, errors: [{ field: "expression", value: pattern, message: "pattern includes illegal characters" }] };
  const raw = splitFields(resolved);
  if (raw.length !== 5 && raw.length !== 6)
    return { valid: false, errors: [{ field: "expression", value: pattern, message: `expected 5 or 6 fields but got ${raw.length}` }] };
  const patterns = raw.length === 5 ? ["0", ...raw] : raw;
  const executable = convertExpression(pattern);
  const errors = [];
  FIELDS.forEach((f, i) => {
    const rawWMisuse = f.key === "dayOfMonth" && hasInvalidWModifier(patterns[i]);
    if (f.invalid(executable[i]) || rawWMisuse)
      errors.push({ field: f.key, value: patterns[i], message: `${patterns[i]} is a invalid expression for ${f.label}` });
  });
  if (!errors.length && isImpossibleDayOfMonth(executable[3], executable[4])) {
    errors.push({
      field: "dayOfMonth",
      value: patterns[3],
      message: `${patterns[3]} ${patterns[4]} is an impossible day of month for the given month`
    });
  }
  if (errors.length)
    return { valid: false, errors };
  return {
    valid: true,
    errors: [],
    fields: {
      second: executable[0],
      minute: executable[1],
      hour: executable[2],
      dayOfMonth: executable[3],
      month: executable[4],
      dayOfWeek: executable[5]
    }
  };
}
function parse$1(pattern) {
  const result = validateDetailed$1(pattern);
  if (!result.valid)
    throw new Error(result.errors[0].message);
  return result.fields;
}
function validate$1(pattern) {
  if (typeof pattern !== "string")
    throw new TypeError("pattern must be a string!");
  const resolved = resolveNickname(pattern);
  if (!ALLOWED_CHARS_REGEX.test(resolved))
    throw new TypeError("pattern includes illegal characters!");
  const raw = splitFields(resolved);
  if (raw.length !== 5 && raw.length !== 6)
    throw new Error(`expected 5 or 6 fields but got ${raw.length}`);
  const patterns = raw.length === 5 ? ["0", ...raw] : raw;
  const executablePatterns = convertExpression(resolved);
  validateFields(patterns, executablePatterns);
}
var daemonPath = resolve(dirname2(fileURLToPath2(import.meta.url)), "daemon.js");
var TaskEmitter2 = class extends EventEmitter2 {
};
var BackgroundScheduledTask = class {
  emitter;
  id;
  name;
  cronExpression;
  taskPath;
  options;
  forkProcess;
  stateMachine;
  logger;
  suppressMissedWarning;
  timeMatcher;
  runCount;
  runCoordinator;
  _lastRun = null;
  executing = false;
  killPending = false;
  pendingKillCleanup;
  currentExecution;
  killRequested = false;
  startPromise;
  constructor(cronExpression3, taskPath, options) {
    this.cronExpression = cronExpression3;
    this.taskPath = taskPath;
    this.options = options;
    this.id = createID();
    this.name = options?.name || this.id;
    this.emitter = new TaskEmitter2();
    this.stateMachine = new StateMachine("stopped");
    this.timeMatcher = new TimeMatcher(cronExpression3, options?.timezone);
    this.runCount = 0;
    this.on("execution:started", (context) => {
      if (context?.execution?.reason === "scheduled")
        this.runCount++;
      this.executing = true;
      this.currentExecution = context?.execution;
    });
    this.on("execution:finished", (context) => {
      this.executing = false;
      this.currentExecution = void 0;
      this.recordLastRun(context.execution);
    });
    this.on("execution:failed", (context) => {
      this.executing = false;
      this.currentExecution = void 0;
      this.recordLastRun(context.execution);
    });
    this.logger = options?.logger || logger;
    this.suppressMissedWarning = options?.suppressMissedWarning || false;
    this.runCoordinator = options?.distributed ? resolveRunCoordinator(options?.runCoordinator) : void 0;
    this.on("task:stopped", () => {
      this.killForkWhenSettled();
      if (this.stateMachine.state !== "destroyed") {
        this.stateMachine.changeState("stopped");
      }
    });
    this.on("task:destroyed", () => {
      this.killForkWhenSettled();
      this.stateMachine.changeState("destroyed");
    });
  }
  getNextRun() {
    if (this.stateMachine.state !== "stopped") {
      return this.timeMatcher.getNextMatch(/* @__PURE__ */ new Date());
    }
    return null;
  }
  getNextRuns(count) {
    const runs = [];
    let from = /* @__PURE__ */ new Date();
    for (let i = 0; i < count; i++) {
      from = this.timeMatcher.getNextMatch(from);
      runs.push(from);
    }
    return runs;
  }
  match(date3) {
    return this.timeMatcher.match(date3);
  }
  msToNext() {
    const next = this.getNextRun();
    return next ? next.getTime() - Date.now() : null;
  }
  isBusy() {
    return this.getStatus() === "running";
  }
  runsLeft() {
    if (this.options?.maxExecutions == null)
      return void 0;
    return Math.max(0, this.options.maxExecutions - this.runCount);
  }
  getPattern() {
    return this.cronExpression;
  }
  lastRun() {
    return this._lastRun;
  }
  recordLastRun(execution) {
    if (!execution)
      return;
    const raw = execution.finishedAt ?? execution.startedAt;
    const date3 = raw ? new Date(raw) : /* @__PURE__ */ new Date();
    const lastRun = { date: date3 };
    if (execution.error) {
      lastRun.error = execution.error;
    } else {
      lastRun.result = execution.result;
    }
    this._lastRun = lastRun;
  }
  killForkWhenSettled() {
    if (!this.forkProcess)
      return;
    if (!this.executing) {
      this.killFork();
      return;
    }
    if (this.killPending)
      return;
    this.killPending = true;
    const onSettled = () => this.killFork();
    this.once("execution:finished", onSettled);
    this.once("execution:failed", onSettled);
    this.pendingKillCleanup = () => {
      this.off("execution:finished", onSettled);
      this.off("execution:failed", onSettled);
    };
  }
  clearPendingKillWait() {
    this.pendingKillCleanup?.();
    this.pendingKillCleanup = void 0;
    this.killPending = false;
  }
  killFork() {
    this.clearPendingKillWait();
    this.killRequested = true;
    this.forkProcess?.kill();
    this.forkProcess = void 0;
  }
  handleUnexpectedExit(code, signal) {
    this.clearPendingKillWait();
    const erro = new Error(`daemon exited unexpectedly (code ${code}, signal ${signal})`);
    this.logger.error(erro);
    if (this.executing) {
      const execution = { id: createID(), reason: "scheduled", ...this.currentExecution, error: erro, finishedAt: /* @__PURE__ */ new Date() };
      this.emitter.emit("execution:failed", this.createContext(/* @__PURE__ */ new Date(), execution));
    }
    try {
      this.stateMachine.changeState("stopped");
    } catch (err) {
      this.logger.error(err);
    }
    const context = this.createContext(/* @__PURE__ */ new Date());
    context.error = erro;
    this.emitter.emit("task:failed", context);
    this.forkProcess = void 0;
  }
  start() {
    if (this.stateMachine.state === "destroyed") {
      return Promise.resolve();
    }
    if (this.startPromise) {
      return this.startPromise;
    }
    if (this.forkProcess) {
      return Promise.resolve();
    }
    this.startPromise = this.forkAndStart().finally(() => {
      this.startPromise = void 0;
    });
    return this.startPromise;
  }
  forkAndStart() {
    return new Promise((resolve5, reject) => {
      const startTimeout = this.options?.startTimeout ?? 5e3;
      const failStart = (error2) => {
        clearTimeout(timeout);
        this.killFork();
        reject(error2);
      };
      const timeout = setTimeout(() => {
        failStart(new Error(`Start operation timed out after ${startTimeout}ms. The background task file may have failed to load or taken too long to import; verify it runs on its own and consider increasing the \`startTimeout\` option.`));
      }, startTimeout);
      this.killRequested = false;
      let startSucceeded = false;
      try {
        this.forkProcess = fork(daemonPath);
        this.forkProcess.on("error", (err) => {
          failStart(new Error(`Error on daemon: ${err.message}`));
        });
        this.forkProcess.on("exit", (code, signal) => {
          if (this.killRequested) {
            this.killRequested = false;
            return;
          }
          if (code !== 0 && signal !== "SIGTERM") {
            if (startSucceeded) {
              this.handleUnexpectedExit(code, signal);
              return;
            }
            const erro = new Error(`node-cron daemon exited with code ${code || signal}`);
            this.logger.error(erro);
            failStart(erro);
          }
        });
        this.forkProcess.on("message", (message) => {
          if (message.type === "coordinator:shouldRun") {
            void this.handleShouldRun(message);
            return;
          }
          if (message.type === "coordinator:complete") {
            this.runCoordinator?.onComplete?.(message.key)?.catch?.((err) => this.logger.error("Run coordinator onComplete failed", err));
            return;
          }
          if (message.event === "daemon:error") {
            failStart(message.jsonError ? deserializeError(message.jsonError) : new Error("Background task failed to start"));
            return;
          }
          if (message.jsonError) {
            if (message.context?.execution) {
              message.context.execution.error = deserializeError(message.jsonError);
              delete message.jsonError;
            }
          }
          if (message.context?.task?.state) {
            this.stateMachine.changeState(message.context?.task?.state);
          }
          if (message.context) {
            const execution = message.context?.execution;
            delete execution?.hasError;
            const context = this.createContext(new Date(message.context.date), execution, message.context.reason);
            this.logEvent(message.event, context);
            this.emitter.emit(message.event, context);
          }
        });
        this.once("task:started", () => {
          startSucceeded = true;
          this.stateMachine.changeState("idle");
          clearTimeout(timeout);
          resolve5(void 0);
        });
        this.forkProcess.send({
          command: "task:start",
          path: this.taskPath,
          cron: this.cronExpression,
          options: serializableOptions(this.options)
        });
      } catch (error2) {
        failStart(error2);
      }
    });
  }
  stop() {
    return new Promise((resolve5, reject) => {
      if (this.stateMachine.state === "destroyed") {
        return resolve5(void 0);
      }
      if (!this.forkProcess) {
        this.emitter.emit("task:stopped");
        return resolve5(void 0);
      }
      const timeoutId = setTimeout(() => {
        clearTimeout(timeoutId);
        this.killFork();
        reject(new Error("Stop operation timed out"));
      }, 5e3);
      const cleanupAndResolve = () => {
        clearTimeout(timeoutId);
        this.off("task:stopped", onStopped);
        resolve5(void 0);
      };
      const onStopped = () => {
        cleanupAndResolve();
      };
      this.once("task:stopped", onStopped);
      this.forkProcess.send({
        command: "task:stop"
      });
    });
  }
  getStatus() {
    return this.stateMachine.state;
  }
  unref() {
    if (!this.forkProcess)
      return;
    this.forkProcess.unref();
    this.forkProcess.channel?.unref();
  }
  ref() {
    if (!this.forkProcess)
      return;
    this.forkProcess.ref();
    this.forkProcess.channel?.ref();
  }
  destroy() {
    return new Promise((resolve5, reject) => {
      if (this.stateMachine.state === "destroyed") {
        return resolve5(void 0);
      }
      if (!this.forkProcess) {
        this.emitter.emit("task:destroyed");
        return resolve5(void 0);
      }
      const timeoutId = setTimeout(() => {
        clearTimeout(timeoutId);
        this.killFork();
        reject(new Error("Destroy operation timed out"));
      }, 5e3);
      const onDestroy = () => {
        clearTimeout(timeoutId);
        this.off("task:destroyed", onDestroy);
        resolve5(void 0);
      };
      this.once("task:destroyed", onDestroy);
      this.forkProcess.send({
        command: "task:destroy"
      });
    });
  }
  execute() {
    return new Promise((resolve5, reject) => {
      if (!this.forkProcess) {
        return reject(new Error("Cannot execute background task because it hasn't been started yet. Please initialize the task using the start() method before attempting to execute it."));
      }
      const executionId = createID();
      let timeoutId;
      if (typeof this.options?.executeTimeout === "number") {
        timeoutId = setTimeout(() => {
          cleanupListeners();
          reject(new Error("Execution timeout exceeded"));
        }, this.options.executeTimeout);
      }
      const cleanupListeners = () => {
        if (timeoutId)
          clearTimeout(timeoutId);
        this.off("execution:finished", onFinished);
        this.off("execution:failed", onFail);
      };
      const onFinished = (context) => {
        if (context.execution?.id !== executionId)
          return;
        cleanupListeners();
        resolve5(context.execution?.result);
      };
      const onFail = (context) => {
        if (context.execution?.id !== executionId)
          return;
        cleanupListeners();
        reject(context.execution?.error || new Error("Execution failed without specific error"));
      };
      this.on("execution:finished", onFinished);
      this.on("execution:failed", onFail);
      this.forkProcess.send({
        command: "task:execute",
        executionId
      });
    });
  }
  async handleShouldRun(message) {
    let allowed = false;
    let error2;
    try {
      allowed = this.runCoordinator ? await this.runCoordinator.shouldRun(message.key, message.ttlMs) : false;
    } catch (err) {
      error2 = err?.message ?? String(err);
    }
    this.forkProcess?.send({ type: "coordinator:result", reqId: message.reqId, allowed, error: error2 });
  }
  on(event, fun) {
    this.emitter.on(event, fun);
  }
  off(event, fun) {
    this.emitter.off(event, fun);
  }
  once(event, fun) {
    this.emitter.once(event, fun);
  }
  logEvent(event, context) {
    switch (event) {
      case "execution:missed": {
        const handled = this.emitter.listenerCount("execution:missed") > 0;
        if (!this.suppressMissedWarning && !handled) {
          this.logger.warn(`missed execution at ${context.date}! Possible blocking IO or high CPU user at the same process used by node-cron.`);
        }
        break;
      }
      case "execution:overlap":
        if (this.options?.noOverlap) {
          this.logger.warn("task still running, new execution blocked by overlap prevention!");
        }
        break;
      case "execution:failed":
        if (context.execution?.error) {
          this.logger.error(context.execution.error);
        }
        break;
    }
  }
  createContext(executionDate, execution, reason) {
    const localTime = new LocalizedTime(executionDate, this.options?.timezone);
    const ctx = {
      date: localTime.toDate(),
      dateLocalIso: localTime.toISO(),
      triggeredAt: /* @__PURE__ */ new Date(),
      task: this,
      execution
    };
    if (reason)
      ctx.reason = reason;
    return ctx;
  }
};
function serializableOptions(options) {
  if (!options)
    return options;
  const { logger: _logger, runCoordinator: _runCoordinator, ...rest } = options;
  return rest;
}
function deserializeError(str) {
  const data = JSON.parse(str);
  const Err = globalThis[data.name] || Error;
  const err = new Err(data.message);
  if (data.stack) {
    err.stack = data.stack;
  }
  Object.keys(data).forEach((key) => {
    if (!["name", "message", "stack"].includes(key)) {
      err[key] = data[key];
    }
  });
  return err;
}
var moduleFilename = fileURLToPath2(import.meta.url);
var registry2 = new TaskRegistry();
function schedule(expression, func, options) {
  const task = createTask(expression, func, options);
  let started;
  try {
    started = task.start();
  } catch (error2) {
    registry2.remove(task);
    throw error2;
  }
  if (started && typeof started.catch === "function") {
    started.catch((error2) => {
      (options?.logger || logger).error(`Failed to start scheduled task: ${error2?.message ?? error2}`);
    });
  }
  return task;
}
function createTask(expression, func, options) {
  parse$1(expression);
  if (options?.distributed && !options.name) {
    throw new Error("`distributed` requires a `name` (it forms the coordination key shared across instances).");
  }
  let task;
  if (func instanceof Function) {
    task = new InlineScheduledTask(expression, func, options);
  } else {
    const taskPath = solvePath(func);
    task = new BackgroundScheduledTask(expression, taskPath, options);
  }
  registry2.add(task);
  return task;
}
function solvePath(filePath) {
  if (path.isAbsolute(filePath))
    return pathToFileURL(filePath).href;
  if (filePath.startsWith("file://"))
    return filePath;
  const stackLines = new Error().stack?.split("\n");
  if (stackLines) {
    stackLines?.shift();
    const callerLine = stackLines?.find((line2) => {
      return line2.indexOf(moduleFilename) === -1;
    });
    const match = callerLine?.match(/(file:\/\/)?(((\/?)(\w:))?([/\\].+)):\d+:\d+/);
    if (match) {
      const dir = `${match[5] ?? ""}${path.dirname(match[6])}`;
      return pathToFileURL(path.resolve(dir, filePath)).href;
    }
  }
  throw new Error(`Could not locate task file ${filePath}`);
}
function validate2(expression) {
  try {
    validate$1(expression);
    return true;
  } catch (e) {
    return false;
  }
}
var getTasks = registry2.all;
var getTask = registry2.get;

// src/config/sections/schedules.ts
var cronExpression = string2().min(1).refine((v) => validate2(v), { message: 'is not a cron expression node-cron accepts (e.g. "0 9 * * 1-5")' });
var scheduleSchema = object({
  /** Shown in the digest and used as its idempotency key: keep it stable. */
  name: string2().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'letters, digits, ".", "_" and "-" (at most 64)'),
  cron: cronExpression,
  kind: _enum(["digest"]).default("digest"),
  /** A channel id (C\u2026) or a role from `channels` (digest, alerts, incidents); default channels.digest. */
  channel: channelRef.optional(),
  /** Default: the top-level `timezone`. */
  timezone: ianaTimezone.optional(),
  /** Default: every environment. */
  environments: array(string2()).min(1).optional()
}).strict();
var schedulesSection = {
  /** Absent: one digest at 09:00 on weekdays (timezone) to channels.digest. `[]`: no digests. */
  schedules: array(scheduleSchema).superRefine((list, ctx) => {
    const seen = /* @__PURE__ */ new Set();
    list.forEach((s, i) => {
      if (seen.has(s.name))
        ctx.addIssue({ code: "custom", path: [i, "name"], message: `"${s.name}" is used by two schedules` });
      seen.add(s.name);
    });
  }).optional(),
  watch: object({
    enabled: boolean2().default(true),
    intervalSeconds: positiveInt.default(60),
    failureThreshold: positiveInt.default(3),
    successThreshold: positiveInt.default(2),
    /** 0: no reminders. */
    remindEveryMinutes: nonNegativeInt.default(60),
    /** Warnings alert too (after the same threshold); a later failure escalates the alert. */
    alertOnWarn: boolean2().default(true),
    /** Environments checked at the same time during one watch cycle. */
    concurrency: positiveInt.max(64).default(8),
    /** Default: channels.alerts. */
    channel: channelRef.optional()
  }).strict().prefault({}),
  maintenance: array(
    object({
      environments: array(string2()).optional(),
      checks: array(string2()).optional(),
      from: isoDate,
      to: isoDate,
      reason: string2().optional()
    }).strict()
  ).default([]),
  history: object({ retentionDays: positiveInt.max(3650).default(30) }).strict().prefault({}),
  /** What happens to alerts and digests Slack refuses (issue 10: nothing is lost). */
  delivery: object({
    /**
     * Where an alert goes at once while the alerts channel refuses it: channel ids
     * (C\u2026/G\u2026), a role from `channels`, or user ids (U\u2026/W\u2026: a direct message).
     */
    fallback: array(channelRef).max(10).default([]),
    /** When a channel works again: owed alerts posted one by one, at most this many; the rest in one summary. */
    replayMax: positiveInt.max(50).default(10),
    /** Refused posts are retried with a backoff that grows to this. */
    retryMaxSeconds: positiveInt.max(3600).default(300)
  }).strict().prefault({})
};

// src/config/sections/operations.ts
var operationsPrincipal = string2().regex(
  /^(?:[UWS][A-Z0-9]{2,}|local:(?:\*|[A-Za-z0-9._-]+))$/,
  "must be a Slack user id (U\u2026/W\u2026), a user-group id (S\u2026), or local:<user> / local:* for the shell"
);
var cronExpression2 = string2().refine((v) => validate2(v), { message: "is not a valid cron expression (5 or 6 fields)" });
var DEFAULT_KEY_TABLES = ["organizations", "repositories", "connections", "drizzle.__drizzle_migrations"];
var operationsSection = {
  operations: object({
    /** Where backups are written; relative paths are resolved against the config file's folder. */
    backupDir: string2().min(1).default("./backups"),
    retention: object({ keepLast: positiveInt.optional(), keepDays: positiveInt.optional() }).strict().prefault({}),
    pgDumpPath: string2().min(1).optional(),
    pgRestorePath: string2().min(1).optional(),
    /** A backup (dump + verification) that takes longer is stopped and reported as failed. */
    backupTimeoutMinutes: positiveInt.default(240),
    /**
     * pg_dump's zlib level (`--compress`); unset: pg_dump's default (6). It sets most of a
     * backup's time: on the benchmark's gigabyte, level 1 dumped 2\u00d7 faster than 6 for a 5 %
     * larger file. The trial restore reads either at about the same speed.
     */
    backupCompression: number2().int().min(0).max(9).optional(),
    keyTables: array(
      string2().regex(/^[A-Za-z_][\w$]*(\.[A-Za-z_][\w$]*)?$/, "must be a table name, optionally schema-qualified")
    ).default(DEFAULT_KEY_TABLES),
    migrate: object({
      command: array(string2().min(1)).min(1).default(["bun", "run", "apps/backend/src/db/migrate.ts"]),
      cwd: string2().optional(),
      timeoutSeconds: positiveInt.default(900)
    }).strict().prefault({}),
    requireBackupWithinMinutes: positiveInt.default(60),
    approvalExpiresMinutes: positiveInt.default(10),
    restoreTest: object({
      cron: cronExpression2.default("0 4 * * 0"),
      enabled: boolean2().default(true),
      /** Where a passing restore test is reported (a failing one always goes to channels.alerts). */
      channel: channelRef.optional(),
      /**
       * On-demand restore tests (`/ctx restore-test`) compare each table's rows in the restored
       * backup with the live database: a table passes when the two differ by at most this many
       * rows, or by at most `rowTolerancePercent` of the restored count, whichever is larger
       * (the live database keeps changing after the backup was taken).
       */
      rowToleranceRows: number2().int().min(0).default(100),
      rowTolerancePercent: number2().min(0).max(1e3).default(10)
    }).strict().prefault({}),
    /** Graph database snapshots (`/ctx graph-snapshot`); see README "Graph snapshots". */
    graphSnapshot: object({
      /** FalkorDB: also DUMP each graph into backupDir (verified by RESTORE under a scratch key). */
      export: boolean2().default(false),
      /** How long to follow a BGSAVE / CREATE SNAPSHOT before reporting it unfinished. */
      deadlineSeconds: number2().positive().default(600),
      /** How often INFO persistence is read while a BGSAVE runs. */
      pollMilliseconds: positiveInt.default(1e3)
    }).strict().prefault({}),
    /**
     * Before risky changes (runbooks that rotate secrets or change connectors, `migrate`), the
     * bot offers "back up first" when the newest verified backup is older than this.
     */
    freshWithinHours: number2().positive().default(24)
  }).strict().prefault({}),
  permissions: record(
    string2(),
    object({
      request: array(operationsPrincipal).optional(),
      approve: array(operationsPrincipal).optional(),
      twoPerson: boolean2().optional(),
      channels: array(channelRef).optional()
    }).strict()
  ).default({})
};

// src/config/sections/runbooks.ts
var componentName = string2().regex(/^[a-z][a-z0-9-]{0,39}$/, "component names are lower-case letters, digits and -");
var linkTemplate = string2().min(1).refine((t) => /^https?:\/\//i.test(t), { message: "must start with http:// or https://" }).refine((t) => URL.canParse(t.replace(/\{(env|component|since|sinceMs)\}/g, "x")), {
  message: "is not a URL once its placeholders are filled in"
});
var runbooksSection = {
  runbooks: object({
    /** Folders with the team's own runbook files (*.yml, *.yaml), relative to ctx-ops.yml. */
    dirs: array(string2().min(1)).default([]),
    /** Shipped runbooks to leave out, e.g. to replace one with a team version of the same id. */
    disable: array(string2().min(1)).default([]),
    /** How far before the incident (or runbook) started a log link's {since} points. */
    logLookbackMinutes: positiveInt.default(15),
    /** Severity of `/ctx incident` without --sev (1 = most severe \u2026 4). */
    defaultSeverity: number2().int().min(1).max(4).default(3)
  }).strict().prefault({}),
  /**
   * Per-component log query templates used by runbook steps (`logs: backend`). Placeholders
   * {env}, {component}, {since} (ISO-8601) and {sinceMs} (epoch ms) are filled in and
   * URL-encoded; any other brace (a LogQL selector) is left as written. `default` serves
   * components without their own template.
   */
  logLinks: record(componentName, linkTemplate).default({})
};

// src/config/sections/lifecycle.ts
var lifecycleSection = {
  shutdown: object({ timeoutSeconds: number2().int().min(1).max(600).default(10) }).strict().prefault({})
};

// src/config/sections/health.ts
var DEFAULT_HEALTH_PORT = 8081;
var healthSection = {
  health: object({
    /** Port of /healthz, /readyz and /metrics in the bot (every transport); 0 turns it off. CTX_OPS_HEALTH_PORT wins. */
    port: number2().int().min(0).max(65535).default(DEFAULT_HEALTH_PORT),
    /** Address it listens on; CTX_OPS_HEALTH_HOST wins. */
    host: string2().min(1).default("0.0.0.0")
  }).strict().prefault({})
};

// src/config/sections/logs.ts
var file = string2().min(1);
var componentMap = (value) => record(componentName, value).default({});
var dockerSource = object({
  /** A unix socket (default /var/run/docker.sock when `url` is unset). */
  socket: file.optional(),
  /** tcp: http://host:2375 (a socket proxy) or https://host:2376 with `ca`/`cert`/`key`. */
  url: url({ protocol: /^https?$/ }).optional(),
  ca: file.optional(),
  cert: file.optional(),
  key: file.optional(),
  /** The Compose project (`com.docker.compose.project` label); default: any project. */
  project: string2().min(1).optional(),
  /** Component \u2192 Compose service where they differ (graph: neo4j). */
  services: componentMap(string2().min(1))
}).strict().refine((d) => !(d.socket && d.url), { message: "give either socket or url, not both" });
var lokiSource = object({
  url: url({ protocol: /^https?$/ }),
  /** X-Scope-OrgID of a multi-tenant Loki. */
  tenant: string2().min(1).optional(),
  /** A file with a read-only bearer token. */
  tokenFile: file.optional(),
  /** Basic auth (Grafana Cloud: the instance id and a file with a read-only access policy token). */
  username: string2().min(1).optional(),
  passwordFile: file.optional(),
  /** LogQL stream selector per component; {component} and {env} are filled in. */
  selector: string2().min(2).default('{service_name="{component}"}'),
  selectors: componentMap(string2().min(2)),
  /** Entries asked for per request (Loki's limit); the reader pages on until its bounds. */
  pageSize: positiveInt.max(5e3).default(1e3)
}).strict().refine((l) => !(l.tokenFile && l.passwordFile), { message: "give either tokenFile or username/passwordFile" });
var kubernetesSource = object({
  /** Default: https://kubernetes.default.svc (the bot running in the cluster). */
  url: url({ protocol: /^https?$/ }).default("https://kubernetes.default.svc"),
  namespace: string2().min(1),
  /** A service-account token; default: the pod's mounted token. */
  tokenFile: file.default("/var/run/secrets/kubernetes.io/serviceaccount/token"),
  /** The cluster CA; default: the pod's mounted CA (when it exists). */
  caFile: file.optional(),
  /** Label selector per component; default `app.kubernetes.io/component=<component>`. */
  selectors: componentMap(string2().min(1)),
  /** Container per component, for pods with several. */
  containers: componentMap(string2().min(1))
}).strict();
var sourceSchema = object({ docker: dockerSource.optional(), loki: lokiSource.optional(), kubernetes: kubernetesSource.optional() }).strict().refine((s) => [s.docker, s.loki, s.kubernetes].filter(Boolean).length === 1, {
  message: "give exactly one of docker, loki, kubernetes"
});
var logsSection = {
  logs: object({
    /** The team's signals file (adds to or replaces the shipped signals), relative to ctx-ops.yml. */
    signalsFile: file.optional(),
    /** Where each environment's logs are read from. */
    sources: record(string2(), sourceSchema).default({}),
    /**
     * Who may read logs, per environment. No entry: anyone in a non-production environment,
     * nobody with /ctx logs in a production one (runbook steps still run where `channels` allow).
     */
    access: record(
      string2(),
      object({
        users: array(operationsPrincipal).optional(),
        channels: array(channelRef).optional()
      }).strict()
    ).default({}),
    /** Window of /ctx logs without --since, and of runbook steps without `window`. */
    defaultWindowMinutes: positiveInt.max(7 * 24 * 60).default(15),
    maxLines: positiveInt.default(2e4),
    maxBytes: positiveInt.default(8 * 1024 * 1024),
    maxLineBytes: positiveInt.default(16 * 1024),
    deadlineSeconds: positiveInt.max(120).default(10),
    /** E-mail addresses in samples are masked unless this is false. */
    maskEmails: boolean2().default(true)
  }).strict().prefault({})
};

// src/config/schema.ts
function buildYamlSchema(checks) {
  return object({
    ...coreSection,
    ...checksSection(checks),
    ...schedulesSection,
    ...operationsSection,
    ...runbooksSection,
    ...lifecycleSection,
    ...healthSection,
    ...logsSection
  }).strict();
}
var emptyIsUnset2 = (v) => typeof v === "string" && v.trim() === "" ? void 0 : v;
var opt = preprocess(emptyIsUnset2, string2().optional());
var botEnvSchema = object({
  SLACK_BOT_TOKEN: preprocess(
    emptyIsUnset2,
    string2().startsWith("xoxb-", "must be a bot token (xoxb-\u2026)").optional()
  ),
  SLACK_APP_TOKEN: preprocess(
    emptyIsUnset2,
    string2().startsWith("xapp-", "must be an app-level token (xapp-\u2026) with connections:write").optional()
  ),
  SLACK_SIGNING_SECRET: opt,
  SLACK_API_URL: preprocess(emptyIsUnset2, url({ protocol: /^https?$/ }).default("https://slack.com/api/")),
  PORT: preprocess(emptyIsUnset2, coerce_exports.number().int().min(1).max(65535).default(3e3)),
  CTX_OPS_MODE: preprocess(emptyIsUnset2, _enum(["socket", "http", "shell"]).optional()),
  CTX_OPS_CONFIG: opt,
  CTX_OPS_ENV_FILE: opt,
  CTX_OPS_DATABASE_URL: preprocess(
    emptyIsUnset2,
    string2().refine((v) => URL.canParse(v) && /^postgres(ql)?:$/.test(new URL(v).protocol), "must be a postgres:// URL").optional()
  ),
  /** Wins over operations.backupDir (the image sets it to its volume, /var/lib/ctx-ops/backups). */
  CTX_OPS_BACKUP_DIR: opt,
  CTX_OPS_SHUTDOWN_TIMEOUT_SECONDS: preprocess(emptyIsUnset2, coerce_exports.number().int().min(1).max(600).optional()),
  CTX_OPS_HEALTH_PORT: preprocess(emptyIsUnset2, coerce_exports.number().int().min(0).max(65535).optional()),
  CTX_OPS_HEALTH_HOST: opt,
  // Unset: info for Slack transports, warn for the shell and the CLI (logs go to stderr there).
  LOG_LEVEL: preprocess(
    emptyIsUnset2,
    _enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional()
  )
});

// src/config/sources.ts
import { readFileSync as readFileSync3, realpathSync, statSync as statSync2 } from "node:fs";
import { dirname as dirname3, isAbsolute as isAbsolute2, relative, resolve as resolve3 } from "node:path";

// src/config/env-file.ts
var NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
var ASSIGNMENT_START = /^\s*(?:export\s+)?[A-Z_][A-Z0-9_]*\s*=/;
function parseEnvFile(content, opts = {}) {
  const lines = content.replace(/^\uFEFF/, "").split(/\r?\n/);
  const vars = {};
  const where = {};
  const issues = [];
  const issue2 = (line2, message) => issues.push({ line: line2, message });
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i];
    const line2 = raw.trim();
    if (!line2 || line2.startsWith("#")) continue;
    const m = /^(export\s+)?([^=\s]+)\s*=(.*)$/.exec(line2);
    if (!m) {
      const first = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)/.exec(line2)?.[1] ?? "";
      const named = opts.knownNames?.has(first) ? ` (\`${first}\` has no \`=\`)` : "";
      issue2(
        lineNo,
        /^export\s+\S+$/.test(line2) ? "`export` without an assignment: expected `export KEY=value`" : `not KEY=value${named}; the line was skipped`
      );
      continue;
    }
    const key = m[2];
    if (!NAME.test(key)) {
      issue2(
        lineNo,
        "the name before `=` is not a variable name (letters, digits and _, not starting with a digit); the line was skipped"
      );
      continue;
    }
    let rest = m[3].replace(/^\s+/, "");
    const quote = rest[0];
    if (quote === '"' || quote === "'" || quote === "`") {
      let body = rest.slice(1);
      let end = closingQuote(body, quote);
      let j = i;
      while (end === -1 && j + 1 < lines.length && !ASSIGNMENT_START.test(lines[j + 1])) {
        j++;
        body += `
${lines[j]}`;
        end = closingQuote(body, quote);
      }
      if (end === -1) {
        issue2(lineNo, `${key}: the ${quoteName(quote)} opened here is never closed; the value was skipped`);
        continue;
      }
      const after = body.slice(end + 1).trim();
      if (after && !after.startsWith("#")) {
        issue2(j + 1, `${key}: text after the closing ${quoteName(quote)}; the value was skipped`);
        i = j;
        continue;
      }
      const value = body.slice(0, end);
      vars[key] = quote === '"' ? unescapeDouble(value) : value;
      where[key] = lineNo;
      i = j;
      continue;
    }
    rest = rest.replace(/\s+#.*$/, "").trim();
    vars[key] = rest;
    where[key] = lineNo;
  }
  return { vars, lines: where, issues };
}
function closingQuote(body, quote) {
  for (let k = 0; k < body.length; k++) {
    if (body[k] === "\\" && quote === '"') {
      k++;
      continue;
    }
    if (body[k] === quote) return k;
  }
  return -1;
}
var quoteName = (q) => q === '"' ? "double quote" : q === "'" ? "single quote" : "backtick";
function unescapeDouble(s) {
  return s.replace(/\\([nrt"\\$])/g, (_, c) => ({ n: "\n", r: "\r", t: "	" })[c] ?? c);
}

// src/config/secret-files.ts
import { readFileSync as readFileSync2, statSync } from "node:fs";
import { isAbsolute, resolve as resolve2 } from "node:path";
var SECRET_FILE_NAMES = ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "CTX_OPS_DATABASE_URL"];
var SECRET_FILE_VARIABLES = SECRET_FILE_NAMES.map((n2) => `${n2}_FILE`);
function readSecretFiles(vars, cwd, problems) {
  for (const name of SECRET_FILE_NAMES) {
    const key = `${name}_FILE`;
    const raw = vars[key]?.trim();
    if (!raw) continue;
    const named = { source: "process environment", key };
    if (vars[name]?.trim()) {
      problems.push({ ...named, message: `is set and so is ${name}; set only one of them` });
      continue;
    }
    const path2 = isAbsolute(raw) ? raw : resolve2(cwd, raw);
    try {
      if (!statSync(path2).isFile()) {
        problems.push({ ...named, message: `${path2} is not a file` });
        continue;
      }
      const value = readFileSync2(path2, "utf8").trim();
      if (!value) {
        problems.push({ ...named, message: `${path2} is empty` });
        continue;
      }
      vars[name] = value;
    } catch (err) {
      const code = err.code;
      problems.push({
        ...named,
        message: code === "ENOENT" ? `file not found: ${path2}` : `cannot read ${path2} (${code ?? "error"})`
      });
    }
  }
}

// src/config/sources.ts
var BOT_VARIABLES = new Set(Object.keys(botEnvSchema.shape));
var NOT_FROM_DEPLOYMENT = {
  SLACK_SIGNING_SECRET: "in the deployment's file this name belongs to ctx|'s own Slack app, not to ctx-ops",
  PORT: "in the deployment's file this name belongs to ctx|'s services, not to ctx-ops",
  LOG_LEVEL: "in the deployment's file this name belongs to ctx|'s services, not to ctx-ops"
};
var CTX_VARIABLES = new Set(Object.keys(ctxEnvSchema.shape));
var KNOWN = /* @__PURE__ */ new Set([...BOT_VARIABLES, ...CTX_VARIABLES]);
var PATH_VARIABLES = ["CTX_OPS_CONFIG", "CTX_OPS_ENV_FILE", "CTX_MIGRATIONS_DIR", "CTX_OPS_BACKUP_DIR"];
var PROCESS = "process environment";
function displayPath(path2, cwd) {
  const rel = relative(cwd, path2);
  return rel && !rel.startsWith("..") && !isAbsolute2(rel) ? `./${rel}` : path2;
}
function readEnvFile(path2, cwd, named, problems, warnings) {
  const display = displayPath(path2, cwd);
  let text;
  try {
    if (statSync2(path2).isDirectory()) {
      problems.push({
        ...named,
        message: `${display} is a directory; name the env file itself (e.g. ${displayPath(resolve3(path2, ".env"), cwd)})`
      });
      return void 0;
    }
    text = readFileSync3(path2, "utf8");
  } catch (err) {
    const code = err.code;
    problems.push({
      ...named,
      message: code === "ENOENT" ? `file not found: ${display}` : `cannot read ${display} (${code ?? "error"})`
    });
    return void 0;
  }
  const parsed = parseEnvFile(text, { knownNames: KNOWN });
  for (const i of parsed.issues) warnings.push({ source: `${display}:${i.line}`, key: "", message: i.message });
  for (const k of PATH_VARIABLES) {
    const v = parsed.vars[k];
    if (v?.trim() && !isAbsolute2(v)) parsed.vars[k] = resolve3(dirname3(path2), v);
  }
  return { path: path2, display, parsed, real: realOf(path2) };
}
function realOf(path2) {
  try {
    return realpathSync(path2);
  } catch {
    return resolve3(path2);
  }
}
var LOOKS_LIKE_CTX = /^(COMPOSE_PROJECT_NAME|CTXPIPE_[A-Z0-9_]+|SLACK_CLIENT_ID|SLACK_CLIENT_SECRET|SLACK_REDIRECT_URI)$/;
function readProcessFiles(env, cwd, problems, warnings) {
  const processVars = definedOnly(env);
  for (const k of PATH_VARIABLES) {
    const v = processVars[k];
    if (v?.trim() && !isAbsolute2(v)) processVars[k] = resolve3(cwd, v);
  }
  readSecretFiles(processVars, cwd, problems);
  const dotenvPath = resolve3(cwd, ".env");
  let dotenv;
  try {
    if (statSync2(dotenvPath).isFile())
      dotenv = readEnvFile(dotenvPath, cwd, { source: PROCESS, key: ".env" }, problems, warnings);
  } catch {
  }
  const named = nonEmpty(processVars.CTX_OPS_ENV_FILE) ?? nonEmpty(dotenv?.parsed.vars.CTX_OPS_ENV_FILE);
  const namedBy = nonEmpty(processVars.CTX_OPS_ENV_FILE) ? PROCESS : dotenv?.display ?? PROCESS;
  let deployment;
  if (named) {
    deployment = dotenv && realOf(named) === dotenv.real ? dotenv : readEnvFile(named, cwd, { source: namedBy, key: "CTX_OPS_ENV_FILE" }, problems, warnings);
  }
  return { processVars, dotenv, deployment };
}
function layerProcess(files, _cwd, environmentFiles) {
  const { processVars, dotenv, deployment } = files;
  const dotenvIsDeployment = dotenv !== void 0 && (dotenv === deployment || environmentFiles.has(dotenv.real) || Object.keys(dotenv.parsed.vars).some((k) => LOOKS_LIKE_CTX.test(k)));
  const botVars = {};
  const botSources = {};
  const ctxVars = {};
  const reports = [];
  const labels = [PROCESS];
  const layers = [];
  if (deployment && deployment !== dotenv)
    layers.push({ file: deployment, vars: deployment.parsed.vars, asDeployment: true, label: deployment.display });
  if (dotenv)
    layers.push({ file: dotenv, vars: dotenv.parsed.vars, asDeployment: dotenvIsDeployment, label: dotenv.display });
  layers.push({ vars: processVars, asDeployment: false, label: PROCESS });
  for (const layer of layers) {
    const ignored = [];
    for (const [k, v] of Object.entries(layer.vars)) {
      ctxVars[k] = v;
      if (!BOT_VARIABLES.has(k)) continue;
      if (layer.asDeployment && NOT_FROM_DEPLOYMENT[k]) {
        ignored.push({ name: k, why: NOT_FROM_DEPLOYMENT[k] });
        continue;
      }
      botVars[k] = v;
      if (v.trim() !== "") botSources[k] = layer.file ? `${layer.label}:${layer.file.parsed.lines[k]}` : layer.label;
      else delete botSources[k];
    }
    if (layer.file) {
      if (!layer.asDeployment) {
        for (const k of Object.keys(layer.vars)) {
          if (KNOWN.has(k)) continue;
          const guess = closest(k, [...KNOWN]);
          if (guess) ignored.push({ name: k, why: `not a variable ctx-ops reads; did you mean ${guess}?` });
        }
      }
      reports.push({
        path: layer.file.path,
        display: layer.file.display,
        role: layer.asDeployment ? "deployment" : "dotenv",
        variables: Object.keys(layer.vars).sort(),
        ignored
      });
    }
  }
  reports.reverse();
  for (const r of reports) labels.push(r.display);
  return {
    botVars,
    botSources,
    ctxVars,
    ctxSource: labels.length === 1 ? PROCESS : `${labels.join(", ")} (first wins)`,
    files: reports
  };
}
var nonEmpty = (v) => v?.trim() ? v : void 0;
function definedOnly(vars) {
  const out = {};
  for (const [k, v] of Object.entries(vars)) if (typeof v === "string") out[k] = v;
  return out;
}
function botVariablesInEnvironmentFile(vars) {
  return Object.keys(vars).filter(
    (k) => BOT_VARIABLES.has(k) && !NOT_FROM_DEPLOYMENT[k] && vars[k].trim() !== "" && k !== "CTX_OPS_ENV_FILE"
  ).map((name) => ({
    name,
    why: "an environment's envFile gives that environment's ctx| variables only; set the bot's own variables in the process environment, ./.env or CTX_OPS_ENV_FILE"
  }));
}

// src/config/yaml-source.ts
var import_yaml = __toESM(require_dist(), 1);

// src/config/prebuilt-yaml.ts
import { createHash as createHash3 } from "node:crypto";
import { readFileSync as readFileSync4 } from "node:fs";
var PREBUILT_YAML_FILE = packagePath("dist", "shipped-yaml.json");
var table;
function load() {
  if (table) return table;
  table = /* @__PURE__ */ new Map();
  try {
    const raw = JSON.parse(readFileSync4(PREBUILT_YAML_FILE, "utf8"));
    for (const [hash, json] of Object.entries(raw.files ?? {})) if (typeof json === "string") table.set(hash, json);
  } catch {
  }
  return table;
}
function yamlHash(text) {
  return createHash3("sha256").update(text).digest("hex");
}
function prebuiltYamlValue(text) {
  const json = load().get(yamlHash(text));
  return json === void 0 ? void 0 : JSON.parse(json);
}

// src/config/yaml-source.ts
var YAML_OPTIONS = (lineCounter) => ({ lineCounter, prettyErrors: true, uniqueKeys: true });
function readYaml(text, fileLabel) {
  const prebuilt = prebuiltYamlValue(text);
  if (prebuilt !== void 0) {
    let parsed;
    return { value: prebuilt, problems: [], locate: (path2) => (parsed ??= parseYaml(text, fileLabel)).locate(path2) };
  }
  return parseYaml(text, fileLabel);
}
function parseYaml(text, fileLabel) {
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, YAML_OPTIONS(lineCounter));
  const problems = doc.errors.map((e) => ({
    source: e.linePos ? `${fileLabel}:${e.linePos[0].line}` : fileLabel,
    key: "",
    message: e.message.split("\n")[0] ?? e.message
  }));
  const locate = (path2) => {
    for (let n2 = path2.length; n2 >= 0; n2--) {
      const pair = n2 > 0 ? findKeyLine(doc, path2.slice(0, n2), lineCounter) : void 0;
      if (pair) return `${fileLabel}:${pair}`;
      const node2 = doc.getIn(path2.slice(0, n2), true);
      if ((0, import_yaml.isNode)(node2) && node2.range) return `${fileLabel}:${lineCounter.linePos(node2.range[0]).line}`;
    }
    return fileLabel;
  };
  return { value: problems.length ? void 0 : doc.toJS() ?? {}, problems, locate };
}
function findKeyLine(doc, path2, lc) {
  const parent = path2.length > 1 ? doc.getIn(path2.slice(0, -1), true) : doc.contents;
  const items = parent?.items;
  const last = path2[path2.length - 1];
  const pair = items?.find((it) => (0, import_yaml.isNode)(it.key) && it.key.value === last);
  const key = pair?.key;
  if ((0, import_yaml.isNode)(key) && key.range) return lc.linePos(key.range[0]).line;
  return void 0;
}

// src/config/load.ts
var ConfigError = class extends Error {
  constructor(problems, report) {
    super(`invalid configuration (${problems.length} problem${problems.length === 1 ? "" : "s"})`);
    this.problems = problems;
    this.name = "ConfigError";
    if (report) this.report = report;
  }
  problems;
  /** What was read from where, as far as loading got (for `ctx-ops config --json`). */
  report;
};
var RESERVED_ENVIRONMENT = "all";
function loadConfig({ env, cwd, checks }) {
  const problems = [];
  const warnings = [];
  const processFiles = readProcessFiles(env, cwd, problems, warnings);
  const fromProcess = processFiles.processVars.CTX_OPS_CONFIG?.trim() || void 0;
  const fromDotenv = processFiles.dotenv?.parsed.vars.CTX_OPS_CONFIG?.trim() || void 0;
  const configPath = fromProcess ?? fromDotenv;
  const namedBy = fromProcess || !processFiles.dotenv ? PROCESS : `${processFiles.dotenv.display}:${processFiles.dotenv.parsed.lines.CTX_OPS_CONFIG}`;
  const { yaml, configFile, label, locate, view } = readConfigFile(configPath, namedBy, cwd, checks, problems);
  const baseDir = configFile ? dirname4(configFile) : cwd;
  resolveYamlPaths(yaml, baseDir);
  const envFileReals = new Set(
    Object.values(yaml.environments ?? {}).flatMap((e) => e.envFile ? [realOf(e.envFile)] : [])
  );
  const layer = layerProcess(processFiles, cwd, envFileReals);
  const botParsed = botEnvSchema.safeParse(layer.botVars, PARSE_ONCE);
  if (!botParsed.success)
    problems.push(
      ...zodProblems(botParsed.error, PROCESS).map((p) => ({ ...p, source: layer.botSources[p.key] ?? PROCESS }))
    );
  const bot = botParsed.success ? botParsed.data : botEnvSchema.parse({});
  const envFiles = [...layer.files];
  const environments = buildEnvironments(yaml, layer, cwd, label, locate, envFiles, problems, warnings);
  const before = problems.length;
  const slack = resolveSlack(bot, layer, problems);
  const slackDecided = problems.length === before;
  const defaultEnvironment = yaml.defaultEnvironment ?? environmentNames(yaml)[0] ?? "default";
  crossCheck(view, checks, locate, problems);
  for (const f of envFiles)
    for (const i of f.ignored) warnings.push({ source: f.display, key: i.name, message: `not used: ${i.why}` });
  const report = {
    configFile,
    configLooked: configFile ?? (configPath ? resolve4(cwd, configPath) : resolve4(cwd, "ctx-ops.yml")),
    cwd,
    envFiles,
    slackSources: Object.fromEntries(
      ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_API_URL", "PORT", "CTX_OPS_MODE"].flatMap(
        (k) => layer.botSources[k] ? [[k, layer.botSources[k]]] : []
      )
    ),
    warnings,
    ...slackDecided ? { mode: slack.mode } : {}
  };
  if (problems.length) throw new ConfigError(byLine(problems), report);
  const storeUrl = bot.CTX_OPS_DATABASE_URL ?? yaml.store.databaseUrl ?? environments.find((e) => e.name === defaultEnvironment)?.ctx.DATABASE_URL;
  const { environments: _e, defaultEnvironment: _d, store: _s, ...rest } = yaml;
  return {
    ...rest,
    operations: bot.CTX_OPS_BACKUP_DIR ? { ...rest.operations, backupDir: resolve4(cwd, bot.CTX_OPS_BACKUP_DIR) } : rest.operations,
    shutdown: { timeoutSeconds: bot.CTX_OPS_SHUTDOWN_TIMEOUT_SECONDS ?? rest.shutdown.timeoutSeconds },
    slack,
    logLevel: bot.LOG_LEVEL ?? (slack.mode === "shell" ? "warn" : "info"),
    environments,
    defaultEnvironment,
    store: { databaseUrl: storeUrl },
    health: { port: bot.CTX_OPS_HEALTH_PORT ?? yaml.health.port, host: bot.CTX_OPS_HEALTH_HOST ?? yaml.health.host },
    secrets: collectSecrets(env, layer, environments, storeUrl),
    toolEnv: pickToolEnv(env),
    configFile,
    report
  };
}
function readConfigFile(explicit, namedBy, cwd, checks, problems) {
  const schema = buildYamlSchema(checks);
  const path2 = explicit ? resolve4(cwd, explicit) : resolve4(cwd, "ctx-ops.yml");
  const label = explicit ? displayPath(path2, cwd) : "ctx-ops.yml";
  const none = (configFile) => ({
    yaml: schema.parse({}),
    configFile,
    label,
    locate: (() => label),
    view: {}
  });
  let isDir;
  try {
    isDir = statSync3(path2).isDirectory();
  } catch {
    if (explicit) problems.push({ source: namedBy, key: "CTX_OPS_CONFIG", message: `file not found: ${path2}` });
    return none();
  }
  if (isDir) {
    const inside = resolve4(path2, "ctx-ops.yml");
    const hint = existsFile(inside) ? `; did you mean ${inside}?` : "; point it at the YAML file itself (e.g. \u2026/ctx-ops.yml)";
    problems.push({
      source: explicit ? namedBy : path2,
      key: explicit ? "CTX_OPS_CONFIG" : "",
      message: `${path2} is a directory, not a ctx-ops.yml file${hint}`
    });
    return none();
  }
  let text;
  try {
    text = readFileSync5(path2, "utf8");
  } catch (err) {
    problems.push({
      source: explicit ? namedBy : path2,
      key: explicit ? "CTX_OPS_CONFIG" : "",
      message: `cannot read ${path2} (${err.code ?? "error"})`
    });
    return none();
  }
  const src = readYaml(text, label);
  if (src.problems.length) {
    problems.push(...src.problems);
    return none(path2);
  }
  const value = src.value ?? {};
  const parsed = schema.safeParse(value, PARSE_ONCE);
  if (!parsed.success) {
    const suggested = keySuggestions(parsed.error, schema);
    problems.push(...zodProblems(parsed.error, label, src.locate, suggested));
    const view = isRecord(value) ? { ...value } : {};
    const renamed = /* @__PURE__ */ new Map();
    for (const [key, guess] of suggested) {
      if (key.includes(".") || key.includes("[") || guess in view) continue;
      view[guess] = view[key];
      renamed.set(guess, key);
    }
    const locate = (p) => src.locate(typeof p[0] === "string" && renamed.has(p[0]) ? [renamed.get(p[0]), ...p.slice(1)] : p);
    return { ...none(path2), locate, view };
  }
  return {
    yaml: parsed.data,
    configFile: path2,
    label,
    locate: src.locate,
    view: parsed.data
  };
}
function existsFile(path2) {
  try {
    return statSync3(path2).isFile();
  } catch {
    return false;
  }
}
function resolveYamlPaths(yaml, baseDir) {
  const abs = (p) => isAbsolute3(p) ? p : resolve4(baseDir, p);
  for (const e of Object.values(yaml.environments ?? {})) {
    if (e.envFile) e.envFile = abs(e.envFile);
    if (e.migrationsDir) e.migrationsDir = abs(e.migrationsDir);
    if (e.env?.CTX_MIGRATIONS_DIR) e.env.CTX_MIGRATIONS_DIR = abs(e.env.CTX_MIGRATIONS_DIR);
  }
  const ops = yaml.operations;
  ops.backupDir = abs(ops.backupDir);
  if (ops.migrate.cwd) ops.migrate.cwd = abs(ops.migrate.cwd);
  if (ops.pgDumpPath?.includes("/")) ops.pgDumpPath = abs(ops.pgDumpPath);
  if (ops.pgRestorePath?.includes("/")) ops.pgRestorePath = abs(ops.pgRestorePath);
  yaml.runbooks.dirs = yaml.runbooks.dirs.map(abs);
}
function buildEnvironments(yaml, layer, cwd, label, locate, envFiles, problems, warnings) {
  const entries = Object.entries(yaml.environments ?? {});
  if (!entries.length) {
    const ctx = parseCtxEnv(layer.ctxVars, layer.ctxSource, "", problems);
    return ctx ? [makeEnvironment("default", ctx, layer.ctxSource, {})] : [];
  }
  const out = [];
  for (const [name, e] of entries) {
    let vars;
    let source;
    let read;
    if (!e.envFile && !e.env) {
      vars = layer.ctxVars;
      source = layer.ctxSource;
    } else {
      const key = `environments.${name}.envFile`;
      read = e.envFile ? readEnvFile(e.envFile, cwd, { source: locate(["environments", name, "envFile"]), key }, problems, warnings) : void 0;
      const file2 = read?.parsed.vars ?? {};
      if (read) {
        envFiles.push({
          path: read.path,
          display: read.display,
          role: "environment",
          environment: name,
          variables: Object.keys(file2).sort(),
          ignored: botVariablesInEnvironmentFile(file2)
        });
      }
      vars = { ...file2, ...e.env ?? {} };
      source = [e.env ? `${label} (inline env)` : "", read ? read.display : ""].filter(Boolean).join(", ") + (e.env && read ? " (first wins)" : "");
    }
    const where = (key) => e.env && key in e.env ? locate(["environments", name, "env", key]) : read?.display ?? source;
    const ctx = parseCtxEnv(vars, where, `environments.${name}.`, problems);
    if (ctx) out.push(makeEnvironment(name, ctx, source, e));
  }
  return out;
}
function makeEnvironment(name, ctx, source, e) {
  return {
    name,
    production: e.production ?? false,
    publicUrl: e.publicUrl ?? ctx.AUTH_BASE_URL,
    ctx,
    migrationsDir: e.migrationsDir ?? ctx.CTX_MIGRATIONS_DIR,
    probeOrg: e.probeOrg,
    source
  };
}
function parseCtxEnv(vars, source, prefix, problems) {
  const parsed = ctxEnvSchema.safeParse(vars, PARSE_ONCE);
  if (!parsed.success) {
    const where = typeof source === "string" ? () => source : source;
    problems.push(
      ...zodProblems(parsed.error, "").map((p) => ({ ...p, source: where(p.key), key: `${prefix}${p.key}` }))
    );
    return void 0;
  }
  return { ...parsed.data, raw: Object.freeze(definedOnly(vars)) };
}
function resolveSlack(bot, layer, problems) {
  const base = {
    botToken: bot.SLACK_BOT_TOKEN,
    appToken: bot.SLACK_APP_TOKEN,
    signingSecret: bot.SLACK_SIGNING_SECRET,
    apiUrl: bot.SLACK_API_URL,
    port: bot.PORT
  };
  const mode = bot.CTX_OPS_MODE ?? (bot.SLACK_BOT_TOKEN ? bot.SLACK_APP_TOKEN ? "socket" : bot.SLACK_SIGNING_SECRET ? "http" : void 0 : "shell");
  const from = (key) => layer.botSources[key] ?? PROCESS;
  const need = (key, why, source = PROCESS) => problems.push({ source, key, message: why });
  const skippedSecret = layer.files.find((f) => f.ignored.some((i) => i.name === "SLACK_SIGNING_SECRET"));
  const secretNote = skippedSecret ? ` (SLACK_SIGNING_SECRET in ${skippedSecret.display} is ctx|'s own Slack app's and is not used)` : "";
  if (!mode) {
    need(
      "SLACK_BOT_TOKEN",
      `is set, but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is${secretNote}; set one, or unset SLACK_BOT_TOKEN for the local shell`,
      from("SLACK_BOT_TOKEN")
    );
    return { mode: "shell", ...base };
  }
  if (mode === "socket") {
    if (!bot.SLACK_BOT_TOKEN) need("SLACK_BOT_TOKEN", "is required for Socket Mode");
    if (!bot.SLACK_APP_TOKEN)
      need("SLACK_APP_TOKEN", "is required for Socket Mode (an app-level token with connections:write)");
  }
  if (mode === "http") {
    if (!bot.SLACK_BOT_TOKEN) need("SLACK_BOT_TOKEN", "is required for HTTP mode");
    if (!bot.SLACK_SIGNING_SECRET)
      need("SLACK_SIGNING_SECRET", `is required for HTTP mode (requests are verified with it)${secretNote}`);
  }
  if (mode === "shell" && !bot.SLACK_BOT_TOKEN && bot.SLACK_APP_TOKEN) {
    need("SLACK_APP_TOKEN", `is set without SLACK_BOT_TOKEN; set both for Socket Mode`, from("SLACK_APP_TOKEN"));
  }
  return { mode, ...base };
}
function environmentNames(view) {
  const keys2 = isRecord(view.environments) ? Object.keys(view.environments) : [];
  return keys2.length ? keys2 : ["default"];
}
function crossCheck(view, checks, locate, problems) {
  const names = environmentNames(view);
  const envNames = new Set(names);
  const checkIds = checks.map((c) => c.id);
  const known = `known: ${names.join(", ")}`;
  const unknownEnv = (path2, name) => {
    const guess = closest(name, names);
    problems.push({
      source: locate(path2),
      key: keyOf(path2),
      message: `names no environment \`${name}\` (${known})${guess ? `; did you mean \`${guess}\`?` : ""}`
    });
  };
  const envList = (path2, list) => {
    if (!Array.isArray(list)) return;
    list.forEach((n2, j) => typeof n2 === "string" && !envNames.has(n2) && unknownEnv([...path2, j], n2));
  };
  if (isRecord(view.environments) && RESERVED_ENVIRONMENT in view.environments) {
    problems.push({
      source: locate(["environments", RESERVED_ENVIRONMENT]),
      key: `environments.${RESERVED_ENVIRONMENT}`,
      message: "`all` is reserved: commands use it to mean every environment (`/ctx status all`); give the environment another name"
    });
  }
  if (typeof view.defaultEnvironment === "string" && !envNames.has(view.defaultEnvironment))
    unknownEnv(["defaultEnvironment"], view.defaultEnvironment);
  if (Array.isArray(view.schedules))
    view.schedules.forEach((s, i) => isRecord(s) && envList(["schedules", i, "environments"], s.environments));
  if (Array.isArray(view.maintenance)) {
    view.maintenance.forEach((m, i) => {
      if (!isRecord(m)) return;
      envList(["maintenance", i, "environments"], m.environments);
      if (Array.isArray(m.checks)) {
        m.checks.forEach((c, j) => {
          if (typeof c !== "string" || checkIds.includes(c)) return;
          const guess = closest(c, checkIds);
          problems.push({
            source: locate(["maintenance", i, "checks", j]),
            key: `maintenance[${i}].checks`,
            message: `names no check \`${c}\` (known: ${checkIds.join(", ")})${guess ? `; did you mean \`${guess}\`?` : ""}`
          });
        });
      }
      const from = typeof m.from === "string" ? Date.parse(m.from) : NaN;
      const to = typeof m.to === "string" ? Date.parse(m.to) : NaN;
      if (to <= from)
        problems.push({
          source: locate(["maintenance", i, "to"]),
          key: `maintenance[${i}].to`,
          message: `must be after \`from\` (${String(m.from)} \u2192 ${String(m.to)})`
        });
    });
  }
  if (isRecord(view.permissions)) {
    for (const n2 of Object.keys(view.permissions)) if (!envNames.has(n2)) unknownEnv(["permissions", n2], n2);
  }
  if (isRecord(view.logs))
    for (const part of ["sources", "access"]) {
      const m = view.logs[part];
      if (isRecord(m)) {
        for (const n2 of Object.keys(m)) if (!envNames.has(n2)) unknownEnv(["logs", part, n2], n2);
      }
    }
}
function byLine(problems) {
  const file2 = (p) => p.source.replace(/:\d+$/, "");
  const line2 = (p) => Number(/:(\d+)$/.exec(p.source)?.[1] ?? 0);
  const order = [...new Set(problems.map(file2))];
  return problems.map((p, i) => ({ p, i })).sort((a, b) => order.indexOf(file2(a.p)) - order.indexOf(file2(b.p)) || line2(a.p) - line2(b.p) || a.i - b.i).map((x) => x.p);
}
var isRecord = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var keyOf = (path2) => path2.filter((p, i) => !(typeof p === "number" && i === path2.length - 1)).map((p, i) => typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`).join("");
var TOOL_ENV = /^(PATH|HOME|USER|LANG|LANGUAGE|LC_[A-Z]+|TZ|TMPDIR|DOCKER_HOST|DOCKER_CONTEXT|DOCKER_CONFIG|XDG_RUNTIME_DIR)$/;
function pickToolEnv(env) {
  return Object.fromEntries(
    Object.entries(env).filter((e) => typeof e[1] === "string" && TOOL_ENV.test(e[0]))
  );
}
function collectSecrets(env, layer, envs, storeUrl) {
  const out = /* @__PURE__ */ new Set();
  const add = (v) => {
    if (v && v.length >= 4) out.add(v);
  };
  const scan = (vars) => {
    for (const [k, v] of Object.entries(vars)) {
      if (!v) continue;
      if (SECRET_NAME.test(k)) add(v);
      if (k === "BETTER_AUTH_SECRETS")
        for (const entry of v.split(",")) add(entry.slice(entry.indexOf(":") + 1).trim());
      if (k === "OTEL_EXPORTER_OTLP_HEADERS") for (const value of Object.values(parseOtelHeaders(v))) add(value);
      for (const cred of urlCredentials(v)) add(cred);
    }
  };
  scan(env);
  scan(layer.ctxVars);
  for (const e of envs) scan(e.ctx.raw);
  for (const cred of urlCredentials(storeUrl ?? "")) add(cred);
  return [...out];
}
function urlCredentials(value) {
  if (!value.includes("://") || !URL.canParse(value)) return [];
  const u = new URL(value);
  const pw = u.password ? [u.password, decodeURIComponent(u.password)] : [];
  return pw;
}

export {
  packagePath,
  lazyRequire,
  preloadLazy,
  classifyError,
  describeFailure,
  requestUrl,
  createHttpClient,
  backendBase,
  backendUrl,
  describeTarget,
  createPgAccess,
  readSigningKeys,
  secretSetFor,
  keysWords,
  tokenize,
  extractFlags,
  closest,
  formatProblem,
  formatProblems,
  pathToKey,
  zodProblems,
  PARSE_ONCE,
  readYaml,
  string2 as string,
  number2 as number,
  boolean2 as boolean,
  array,
  object,
  union,
  record,
  _enum,
  preprocess,
  worst,
  overallStatus,
  attributeRootCauses,
  attributeLikelyCauses,
  rootsFirst,
  headline,
  MARK,
  componentName,
  clock,
  dayTime,
  day,
  dateTime,
  MAX_SILENCE_MS,
  parseDuration,
  formatDuration,
  formatLatency,
  formatElapsed,
  ago,
  formatBytes,
  shortHash,
  shellWord,
  pLimit,
  DEFAULT_GRAPH_DB_URI,
  redisTarget,
  boltTarget,
  boltCredentials,
  parseCountReply,
  readMigrationFolder,
  readAppliedMigrations,
  compareMigrations,
  configurableChecks,
  composeChecks,
  schedule,
  displayPath,
  ConfigError,
  loadConfig
};
