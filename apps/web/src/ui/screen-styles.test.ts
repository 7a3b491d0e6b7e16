import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = fileURLToPath(new URL('..', import.meta.url));
// Its package exports no package.json: its styles sit beside the folder of the resolved styles.css.
const mantine = dirname(createRequire(import.meta.url).resolve('@mantine/core/styles.css'));

/** The styles a component needs besides its own file (Mantine builds it from these). */
const builtOn: Record<string, string[]> = {
  Accordion: ['UnstyledButton'],
  Alert: ['CloseButton'],
  Anchor: ['Text'],
  Button: ['UnstyledButton', 'Loader'],
  Menu: ['Popover', 'UnstyledButton'],
  PasswordInput: ['Input', 'ActionIcon'],
  TextInput: ['Input'],
};

/** Mantine components the pages before sign-in import, through every local module they import. */
function componentsOf(roots: string[]): Set<string> {
  const seen = new Set<string>();
  const components = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, names] of text.matchAll(/^import\s+\{([^}]*)\}\s+from\s+'@mantine\/core'/gm)) {
      for (const name of names!.split(',').map((part) => part.trim())) if (/^[A-Z]/.test(name)) components.add(name);
    }
    for (const [statement, path] of text.matchAll(/^import\s[^;]*?from\s+'(\.[^']*)'/gms)) {
      if (statement.startsWith('import type')) continue;
      const base = resolve(dirname(file), path!);
      const found = [`${base}.tsx`, `${base}.ts`].find((candidate) => existsSync(candidate));
      if (found) visit(found);
    }
  };
  for (const root of roots) visit(join(srcDir, root));
  return components;
}

const imported = (file: string) => [...readFileSync(join(srcDir, file), 'utf8').matchAll(/^import '@mantine\/core\/styles\/(\w+)\.css';/gm)].map((match) => match[1]!);

describe('the styles of the pages before sign-in (publicScreenStyles.ts)', () => {
  const publicSheet = imported('ui/publicScreenStyles.ts');
  const entrySheet = imported('main.tsx');

  it('cover every Mantine component those pages draw', () => {
    const components = componentsOf([
      'ApolloRoot.tsx',
      'routes/sign-in/SignInPage.tsx',
      'routes/password/ForgotPasswordPage.tsx',
      'routes/password/ResetPasswordPage.tsx',
      'routes/outbox/OutboxPage.tsx',
      'routes/confirm-email/ConfirmEmailPage.tsx',
      'routes/invitation/AcceptInvitationPage.tsx',
    ]);
    expect(components.size).toBeGreaterThan(10);
    const needed = [...components].flatMap((name) => [name, ...(builtOn[name] ?? [])]);
    const missing = needed.filter((name) => existsSync(join(mantine, 'styles', `${name}.css`)) && !publicSheet.includes(name) && !entrySheet.includes(name));
    expect(missing).toEqual([]);
  });

  it("are in Mantine's own order, so the full sheet loaded later keeps the cascade", () => {
    const full = readFileSync(join(mantine, 'styles.css'), 'utf8');
    const position = (name: string) => {
      const own = readFileSync(join(mantine, 'styles', `${name}.css`), 'utf8');
      return full.indexOf(own.match(/\.m_[0-9a-f]+/)![0]);
    };
    const positions = publicSheet.map(position);
    expect(positions.every((at) => at >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});
