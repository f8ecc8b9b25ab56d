import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The draft form's autosave script, served by this module (only its pages load it), under a URL
 * carrying its content hash so it may be cached for a year. Read once at start.
 */
const SOURCE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'static', 'autosave.js');
export const AUTOSAVE_SCRIPT = fs.readFileSync(SOURCE);
const HASH = crypto.createHash('sha256').update(AUTOSAVE_SCRIPT).digest('hex').slice(0, 10);
export const AUTOSAVE_SCRIPT_PATH = '/assets/calls-submit-autosave.js';
export const AUTOSAVE_SCRIPT_URL = `${AUTOSAVE_SCRIPT_PATH}?v=${HASH}`;
