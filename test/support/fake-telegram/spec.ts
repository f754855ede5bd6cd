/**
 * Loads the official Bot API method/type specification used to validate every call the bot makes.
 *
 * Source of `test/fixtures/telegram-bot-api.json`: Telegram Bot API 10.1 as JSON, from
 * PaulSonOfLars/telegram-bot-api-spec (MIT), copied from the project's shared data.
 *
 * Besides the raw structure this module derives, from the human-readable field descriptions, the
 * constraints the fake enforces (discriminator constants, enumerations, length and count bounds).
 */
import { readFileSync } from 'node:fs';

export interface SpecField {
  name: string;
  /** e.g. `["Integer", "String"]`, `["Array of Array of InlineKeyboardButton"]`, `["InputFile", "String"]`. */
  types: string[];
  required: boolean;
  description: string;
}

export interface SpecMethod {
  name: string;
  href: string;
  description: string[];
  returns: string[];
  fields?: SpecField[];
}

export interface SpecType {
  name: string;
  href: string;
  description: string[];
  fields?: SpecField[];
  /** Present on union types (ReactionType, BotCommandScope, InputMedia...). */
  subtypes?: string[];
  subtype_of?: string[];
}

export interface ApiSpecJson {
  version: string;
  release_date: string;
  changelog: string;
  methods: Record<string, SpecMethod>;
  types: Record<string, SpecType>;
}

/** Bounds parsed from descriptions such as "1-4096 characters after entities parsing" or "1-64 bytes". */
export interface LengthBound {
  min: number;
  max: number;
  unit: 'characters' | 'bytes';
  afterEntities: boolean;
}

export interface RangeBound {
  min: number;
  max: number;
}

export const SPEC_FILE = new URL('../../fixtures/telegram-bot-api.json', import.meta.url);

/** Fields whose description states a fixed value ("always \"emoji\"", "must be default"). */
const DISCRIMINATOR_FIELDS = new Set(['type', 'source', 'status']);

export class ApiSpec {
  readonly version: string;
  private readonly methodsByLowerName = new Map<string, SpecMethod>();
  private readonly constants = new WeakMap<SpecField, string | null>();
  private readonly enums = new WeakMap<SpecField, ReadonlyArray<string | number> | null>();
  private readonly lengths = new WeakMap<SpecField, LengthBound | null>();
  private readonly counts = new WeakMap<SpecField, RangeBound | null>();
  private readonly ranges = new WeakMap<SpecField, RangeBound | null>();

  constructor(readonly json: ApiSpecJson) {
    this.version = json.version;
    for (const method of Object.values(json.methods))
      this.methodsByLowerName.set(method.name.toLowerCase(), method);
  }

  /** Telegram method names are case-insensitive; returns the canonical spec entry. */
  method(name: string): SpecMethod | undefined {
    return this.methodsByLowerName.get(name.toLowerCase());
  }

  type(name: string): SpecType | undefined {
    return this.json.types[name];
  }

  /** Fixed value of a discriminator field (`type`, `source`, `status`), e.g. "emoji" for ReactionTypeEmoji.type. */
  constantOf(field: SpecField): string | undefined {
    return memo(this.constants, field, () => {
      if (!DISCRIMINATOR_FIELDS.has(field.name) || field.types.join() !== 'String') return null;
      const m = /\b(?:always|must be) "?([A-Za-z0-9_]+)"?/.exec(field.description);
      return m?.[1] ?? null;
    });
  }

  /**
   * Allowed values when the description says "must be one of ..." or "it can be one of ..."
   * (ReactionTypeEmoji.emoji, sendDice.emoji, createForumTopic.icon_color, button style...).
   */
  enumOf(field: SpecField): ReadonlyArray<string | number> | undefined {
    return memo(this.enums, field, () => parseEnumeration(field));
  }

  /** Length bound of a String field. */
  lengthOf(field: SpecField): LengthBound | undefined {
    return memo(this.lengths, field, () => {
      if (!field.types.includes('String')) return null;
      const m = /(\d+)-(\d+) (characters|bytes)( after entit(?:y|ies) parsing)?/.exec(field.description);
      if (!m) return null;
      return {
        min: Number(m[1]),
        max: Number(m[2]),
        unit: m[3] as 'characters' | 'bytes',
        afterEntities: !!m[4],
      };
    });
  }

  /** Item-count bound of an Array field ("list of 1-100 identifiers", "must include 2-10 items"). */
  countOf(field: SpecField): RangeBound | undefined {
    return memo(this.counts, field, () => {
      if (!field.types.every((t) => t.startsWith('Array of '))) return null;
      const m = /\b(\d+)-(\d+) (?!characters|bytes)[a-z]/i.exec(field.description);
      return m ? { min: Number(m[1]), max: Number(m[2]) } : null;
    });
  }

  /** Numeric range of an Integer field ("Values between 1-100 are accepted"). */
  rangeOf(field: SpecField): RangeBound | undefined {
    return memo(this.ranges, field, () => {
      if (field.types.join() !== 'Integer') return null;
      const m = /Values between (\d+)-(\d+) are accepted/.exec(field.description);
      return m ? { min: Number(m[1]), max: Number(m[2]) } : null;
    });
  }
}

function memo<K extends object, V>(
  cache: WeakMap<K, V | null>,
  key: K,
  compute: () => V | null,
): V | undefined {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    cache.set(key, value);
  }
  return value ?? undefined;
}

function parseEnumeration(field: SpecField): ReadonlyArray<string | number> | null {
  const start = /(?:must be one of|it can be one of)\s+/i.exec(field.description);
  if (!start) return null;
  const rest = field.description.slice(start.index + start[0].length);
  // The list ends at the first sentence end outside quotes: `"🎰". Dice can have...`
  let end = rest.length;
  let quoted = false;
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '.' && (i + 1 === rest.length || /\s/.test(rest[i + 1] ?? ''))) {
      end = i;
      break;
    }
  }
  const segment = rest.slice(0, end);
  const kind = field.types.join();
  if (kind === 'String') {
    const values = [...segment.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '');
    return values.length > 0 ? values : null;
  }
  if (kind === 'Integer') {
    const values: number[] = [];
    for (const piece of segment.split(/,\s*(?:or\s+)?|\s+or\s+/)) {
      const expr = piece.replace(/\(.*?\)/g, '').trim();
      if (!/^\d+(\s*\*\s*\d+)*$/.test(expr)) return null;
      values.push(expr.split('*').reduce((acc, n) => acc * Number(n.trim()), 1));
    }
    return values.length > 0 ? values : null;
  }
  return null;
}

let cached: ApiSpec | undefined;

/** The parsed spec, loaded once per process. */
export function loadSpec(): ApiSpec {
  cached ??= new ApiSpec(JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as ApiSpecJson);
  return cached;
}
