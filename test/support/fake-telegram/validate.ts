/**
 * Validates a Bot API call against the spec (recursively through object types and `subtypes` unions)
 * and coerces form-encoded values (multipart / url-encoded: numbers, booleans and JSON-serialized objects
 * arrive as strings) into their typed form. JSON bodies are checked strictly: `"5"` is not an Integer.
 */
import { EntityParseError, normalizeParseMode, parseFormatted } from './formatting.ts';
import { isUploadedFile, type DecodedBody, type UploadedFile } from './multipart.ts';
import type { ApiSpec, SpecField, SpecMethod, SpecType } from './spec.ts';

export interface Issue {
  /** Where in the payload, e.g. `reply_markup.inline_keyboard[0][1].callback_data`. */
  path: string;
  message: string;
  /** What Telegram answers, e.g. `Bad Request: BUTTON_DATA_INVALID`. */
  description: string;
}

export interface ValidatedCall {
  payload: Record<string, unknown>;
  issues: Issue[];
}

interface Ctx {
  spec: ApiSpec;
  uploads: Map<string, UploadedFile>;
}

interface Checked {
  value: unknown;
  issues: Issue[];
  /** The value is not even of the right shape (used to pick the best alternative in unions). */
  mismatch?: boolean;
}

type Expr = string | { array: Expr[] };

/** Telegram's own wording for constraint failures it reports with a dedicated error. */
const DESCRIPTIONS: Record<string, string> = {
  'InlineKeyboardButton.callback_data': 'Bad Request: BUTTON_DATA_INVALID',
  'ReactionTypeEmoji.emoji': 'Bad Request: REACTION_INVALID',
  'BotCommand.command': 'Bad Request: BOT_COMMAND_INVALID',
  'BotCommand.description': 'Bad Request: BOT_COMMAND_DESCRIPTION_INVALID',
  'sendChatAction.action': 'Bad Request: wrong parameter action in request',
  'setMessageReaction.reaction': 'Bad Request: REACTIONS_TOO_MANY',
};

const CHAT_ACTIONS = [
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
];

const issue = (path: string, message: string, description?: string): Issue => ({
  path,
  message,
  description: description ?? `Bad Request: ${path}: ${message}`,
});

export function validateCall(spec: ApiSpec, method: SpecMethod, body: DecodedBody): ValidatedCall {
  const ctx: Ctx = { spec, uploads: body.uploads };
  const fields = method.fields ?? [];
  const byName = new Map(fields.map((f) => [f.name, f]));
  const raw: Record<string, unknown> = { ...body.fields };
  // A file uploaded directly under the parameter's own name (curl-style `-F photo=@x.jpg`).
  for (const [name, file] of body.uploads) if (byName.has(name) && raw[name] === undefined) raw[name] = file;

  const issues: Issue[] = [];
  const payload: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || value === null) continue;
    const field = byName.get(key);
    if (!field) {
      payload[key] = value;
      issues.push(
        issue(
          key,
          `unknown parameter "${key}" for ${method.name}`,
          `Bad Request: unknown parameter "${key}"`,
        ),
      );
      continue;
    }
    const checked = checkField(field, value, key, ctx, body.form, {
      owner: method.name,
      fields,
      values: raw,
    });
    payload[key] = checked.value;
    issues.push(...checked.issues);
  }
  for (const field of fields) {
    if (field.required && payload[field.name] === undefined) {
      issues.push(
        issue(
          field.name,
          'required parameter is missing',
          `Bad Request: parameter "${field.name}" is required`,
        ),
      );
    }
  }
  return { payload, issues };
}

interface Owner {
  /** Method or type name, for messages and DESCRIPTIONS lookups. */
  owner: string;
  fields: SpecField[];
  /** Raw sibling values (to find the parse_mode that applies to a text field). */
  values: Record<string, unknown>;
}

function checkField(
  field: SpecField,
  value: unknown,
  path: string,
  ctx: Ctx,
  form: boolean,
  owner: Owner,
): Checked {
  const checked = checkAlternatives(parseTypes(field.types), value, path, ctx, form, field.types);
  if (checked.issues.length > 0) return checked;
  const issues = constraintIssues(field, checked.value, path, ctx, owner);
  return { value: checked.value, issues };
}

function constraintIssues(field: SpecField, value: unknown, path: string, ctx: Ctx, owner: Owner): Issue[] {
  const { spec } = ctx;
  const key = `${owner.owner}.${field.name}`;
  const described = DESCRIPTIONS[key];
  const issues: Issue[] = [];

  const constant = spec.constantOf(field);
  if (constant !== undefined && value !== constant) {
    issues.push(issue(path, `must be "${constant}" for ${owner.owner}, got ${show(value)}`));
  }
  const allowed = spec.enumOf(field);
  if (allowed && !allowed.includes(value as string | number)) {
    issues.push(
      issue(
        path,
        `${show(value)} is not one of the allowed values (${allowed.map(show).join(', ')})`,
        described,
      ),
    );
  }
  if (field.name.endsWith('parse_mode') && normalizeParseMode(value) === undefined) {
    issues.push(
      issue(
        path,
        `unsupported parse_mode ${show(value)} (use HTML, MarkdownV2 or Markdown)`,
        'Bad Request: unsupported parse_mode',
      ),
    );
  }
  if (typeof value === 'string') issues.push(...textIssues(spec, field, value, path, owner, described));
  if (Array.isArray(value)) {
    const bound = key === 'setMessageReaction.reaction' ? { min: 0, max: 1 } : spec.countOf(field);
    if (bound && (value.length < bound.min || value.length > bound.max)) {
      issues.push(issue(path, `has ${value.length} items, must have ${bound.min}-${bound.max}`, described));
    }
  }
  if (typeof value === 'number') {
    const range = spec.rangeOf(field);
    if (range && (value < range.min || value > range.max)) {
      issues.push(issue(path, `${value} is out of range ${range.min}-${range.max}`, described));
    }
  }
  if (key === 'BotCommand.command' && typeof value === 'string' && !/^[a-z0-9_]+$/.test(value)) {
    issues.push(
      issue(path, `"${value}" may contain only lowercase English letters, digits and underscores`, described),
    );
  }
  if (key === 'sendChatAction.action' && !CHAT_ACTIONS.includes(value as string)) {
    issues.push(issue(path, `unknown chat action ${show(value)}`, described));
  }
  if (key === 'setWebhook.secret_token' && typeof value === 'string' && !/^[A-Za-z0-9_-]*$/.test(value)) {
    issues.push(
      issue(
        path,
        'only characters A-Z, a-z, 0-9, _ and - are allowed',
        'Bad Request: secret token contains unallowed characters',
      ),
    );
  }
  return issues;
}

/** Entity parsing (parse_mode) and length bounds of a String field. */
function textIssues(
  spec: ApiSpec,
  field: SpecField,
  value: string,
  path: string,
  owner: Owner,
  described?: string,
): Issue[] {
  const issues: Issue[] = [];
  const names = new Set(owner.fields.map((f) => f.name));
  const modeField = names.has(`${field.name}_parse_mode`)
    ? `${field.name}_parse_mode`
    : ['text', 'caption', 'message_text'].includes(field.name) && names.has('parse_mode')
      ? 'parse_mode'
      : undefined;
  let plain = value;
  const mode = modeField ? normalizeParseMode(owner.values[modeField]) : undefined;
  if (mode) {
    try {
      plain = parseFormatted(value, mode).text;
    } catch (err) {
      if (!(err instanceof EntityParseError)) throw err;
      issues.push(
        issue(
          path,
          `can't parse entities (${mode}): ${err.message}`,
          `Bad Request: can't parse entities: ${err.message}`,
        ),
      );
      return issues;
    }
  }
  const bound = spec.lengthOf(field);
  if (!bound) return issues;
  const measured = bound.afterEntities ? plain : value;
  const size = bound.unit === 'bytes' ? Buffer.byteLength(measured, 'utf8') : [...measured].length;
  const minSize = bound.afterEntities ? [...measured.trim()].length : size;
  const isText = field.name === 'text' || field.name === 'message_text';
  if (size > bound.max) {
    const desc =
      described ??
      (isText
        ? 'Bad Request: message is too long'
        : field.name === 'caption'
          ? 'Bad Request: message caption is too long'
          : undefined);
    issues.push(issue(path, `is ${size} ${bound.unit}, must be at most ${bound.max}`, desc));
  } else if (minSize < bound.min) {
    const desc = described ?? (isText ? 'Bad Request: message text is empty' : undefined);
    issues.push(
      issue(
        path,
        `is ${minSize} ${bound.unit}${bound.afterEntities ? ' (after entities parsing, trimmed)' : ''}, must be at least ${bound.min}`,
        desc,
      ),
    );
  }
  return issues;
}

function parseTypes(types: string[]): Expr[] {
  const parse = (t: string): Expr =>
    t.startsWith('Array of ') ? { array: [parse(t.slice('Array of '.length))] } : t;
  const exprs = types.map(parse);
  const arrays = exprs.filter((e): e is { array: Expr[] } => typeof e !== 'string');
  // "Array of InputMediaPhoto" | "Array of InputMediaVideo" → an array whose items may be any of them (albums mix).
  if (arrays.length < 2) return exprs;
  return [...exprs.filter((e) => typeof e === 'string'), { array: arrays.flatMap((a) => a.array) }];
}

function checkAlternatives(
  alts: Expr[],
  value: unknown,
  path: string,
  ctx: Ctx,
  form: boolean,
  label?: string[],
): Checked {
  const failures: Checked[] = [];
  for (const alt of alts) {
    const checked = checkExpr(alt, value, path, ctx, form);
    if (checked.issues.length === 0) return checked;
    failures.push(checked);
  }
  const shaped = failures.filter((f) => !f.mismatch).sort((a, b) => a.issues.length - b.issues.length)[0];
  if (shaped) return shaped;
  const expected = (label ?? alts.map(exprName)).join(' or ');
  return {
    value,
    mismatch: true,
    issues: [
      issue(
        path,
        `expected ${expected}, got ${show(value)}`,
        `Bad Request: field "${path}" must be of type ${expected}`,
      ),
    ],
  };
}

function exprName(e: Expr): string {
  return typeof e === 'string' ? e : `Array of ${e.array.map(exprName).join('|')}`;
}

function checkExpr(expr: Expr, value: unknown, path: string, ctx: Ctx, form: boolean): Checked {
  const mismatch = (): Checked => ({
    value,
    mismatch: true,
    issues: [
      issue(
        path,
        `expected ${exprName(expr)}, got ${show(value)}`,
        `Bad Request: field "${path}" must be of type ${exprName(expr)}`,
      ),
    ],
  });
  if (typeof expr !== 'string') {
    const parsed = form ? parseJsonString(value) : value;
    if (!Array.isArray(parsed)) return mismatch();
    const issues: Issue[] = [];
    const items = parsed.map((item, i) => {
      const checked = checkAlternatives(expr.array, item, `${path}[${i}]`, ctx, false);
      issues.push(...checked.issues);
      return checked.value;
    });
    return { value: items, issues };
  }
  switch (expr) {
    case 'Integer':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return { value, issues: [] };
      if (form && typeof value === 'string' && /^-?\d+$/.test(value))
        return { value: Number(value), issues: [] };
      return mismatch();
    case 'Float':
      if (typeof value === 'number' && Number.isFinite(value)) return { value, issues: [] };
      if (form && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
        return { value: Number(value), issues: [] };
      }
      return mismatch();
    case 'Boolean':
    case 'True':
      if (typeof value === 'boolean' && (expr === 'Boolean' || value)) return { value, issues: [] };
      if (form && (value === 'true' || (expr === 'Boolean' && value === 'false')))
        return { value: value === 'true', issues: [] };
      return mismatch();
    case 'String':
      if (typeof value !== 'string') return mismatch();
      return { value, issues: attachIssues(value, path, ctx) };
    case 'InputFile': {
      if (isUploadedFile(value)) return { value, issues: [] };
      if (typeof value !== 'string' || !value.startsWith('attach://')) return mismatch();
      const file = ctx.uploads.get(value.slice('attach://'.length));
      return file ? { value: file, issues: [] } : { value, issues: attachIssues(value, path, ctx) };
    }
    default:
      return checkNamedType(expr, form ? parseJsonString(value) : value, path, ctx);
  }
}

function attachIssues(value: string, path: string, ctx: Ctx): Issue[] {
  if (!value.startsWith('attach://') || ctx.uploads.has(value.slice('attach://'.length))) return [];
  return [
    issue(
      path,
      `references ${value} but no such multipart part was uploaded`,
      'Bad Request: wrong file identifier/HTTP URL specified',
    ),
  ];
}

function checkNamedType(name: string, value: unknown, path: string, ctx: Ctx): Checked {
  const type = ctx.spec.type(name);
  if (!type) return { value, issues: [issue(path, `[fake] the spec has no type ${name}`)] };
  if (type.subtypes) return checkUnion(type, value, path, ctx);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      value,
      mismatch: true,
      issues: [
        issue(
          path,
          `expected ${name} object, got ${show(value)}`,
          `Bad Request: field "${path}" must be of type ${name}`,
        ),
      ],
    };
  }
  if (!type.fields) return { value, issues: [] }; // e.g. CallbackGame: "A placeholder, currently holds no information"
  return checkObject(type, value as Record<string, unknown>, path, ctx);
}

function checkUnion(type: SpecType, value: unknown, path: string, ctx: Ctx): Checked {
  const subtypes = type.subtypes ?? [];
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  const candidates: Expr[] = [];
  for (const sub of subtypes) {
    const subType = ctx.spec.type(sub);
    if (!subType) {
      if (!isObject) candidates.push(...parseTypes([sub])); // RichText: "String", "Array of RichText"
      continue;
    }
    if (!isObject) continue;
    const discriminated = (subType.fields ?? []).every((f) => {
      const constant = ctx.spec.constantOf(f);
      return constant === undefined || (value as Record<string, unknown>)[f.name] === constant;
    });
    if (discriminated) candidates.push(sub);
  }
  if (candidates.length === 0) {
    if (!isObject)
      return {
        value,
        mismatch: true,
        issues: [
          issue(
            path,
            `expected ${type.name}, got ${show(value)}`,
            `Bad Request: field "${path}" must be of type ${type.name}`,
          ),
        ],
      };
    const tag = (value as Record<string, unknown>).type ?? (value as Record<string, unknown>).source;
    return {
      value,
      issues: [
        issue(
          path,
          `${show(tag)} is not a valid ${type.name} (expected one of ${subtypes.join(', ')})`,
          `Bad Request: unsupported ${type.name} ${show(tag)}`,
        ),
      ],
    };
  }
  return checkAlternatives(candidates, value, path, ctx, false);
}

function checkObject(type: SpecType, value: Record<string, unknown>, path: string, ctx: Ctx): Checked {
  const fields = type.fields ?? [];
  const byName = new Map(fields.map((f) => [f.name, f]));
  const issues: Issue[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || v === null) continue;
    const field = byName.get(key);
    if (!field) {
      out[key] = v;
      issues.push(issue(`${path}.${key}`, `unknown field "${key}" for ${type.name}`));
      continue;
    }
    const checked = checkField(field, v, `${path}.${key}`, ctx, false, {
      owner: type.name,
      fields,
      values: value,
    });
    out[key] = checked.value;
    issues.push(...checked.issues);
  }
  for (const field of fields) {
    if (field.required && out[field.name] === undefined) {
      issues.push(
        issue(
          `${path}.${field.name}`,
          `required field of ${type.name} is missing`,
          `Bad Request: field "${path}.${field.name}" is required`,
        ),
      );
    }
  }
  issues.push(...exactlyOneIssues(type, out, path));
  return { value: out, issues };
}

/** "Exactly one of the fields other than text, icon_custom_emoji_id, and style must be used" (InlineKeyboardButton). */
function exactlyOneIssues(type: SpecType, value: Record<string, unknown>, path: string): Issue[] {
  const m = /Exactly one of the fields other than (.+?) must be used/.exec(type.description.join(' '));
  if (!m) return [];
  const excluded = new Set((m[1] as string).split(/,\s*(?:and\s+)?|\s+and\s+/).map((s) => s.trim()));
  const used = Object.keys(value).filter((k) => !excluded.has(k));
  if (used.length === 1) return [];
  const prefix = `Bad Request: can't parse inline keyboard button`;
  return used.length === 0
    ? [
        issue(
          path,
          `${type.name} needs exactly one action field (callback_data, url, ...), has none`,
          `${prefix}: Text buttons are unallowed in the inline keyboard`,
        ),
      ]
    : [
        issue(
          path,
          `${type.name} must use exactly one action field, uses ${used.join(', ')}`,
          `${prefix}: exactly one action field must be used`,
        ),
      ];
}

function parseJsonString(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value.toString()}`;
  return typeof value;
}
