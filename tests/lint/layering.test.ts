// Proves the lint rules keep the layers apart: the same code passes in one folder and fails in another.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'fatal');
}

describe('layering lint rules', () => {
  it.each([
    ["import { useState } from 'react';\nexport const x = useState;\n", 'React'],
    ["import { Button } from '@fluentui/react-components';\nexport const x = Button;\n", 'Fluent'],
    ["import { app } from '@microsoft/teams-js';\nexport const x = app;\n", 'teams-js'],
    ["import { PublicClientApplication } from '@azure/msal-browser';\nexport const x = PublicClientApplication;\n", 'MSAL'],
    ["import { Client } from '@microsoft/microsoft-graph-client';\nexport const x = Client;\n", 'the Graph client'],
    ["import { listMyCases } from '../app/cases';\nexport const x = listMyCases;\n", 'the app layer'],
  ])('forbids src/domain to import %#: %s', async (code, what) => {
    expect(await ruleIds(code, 'src/domain/probe.ts'), what).toContain('no-restricted-imports');
  });

  it('allows src/domain only zod and its own modules', async () => {
    expect(await ruleIds("import { z } from 'zod';\nexport const s = z.string();\n", 'src/domain/probe.ts')).toEqual([]);
    expect(await ruleIds("import { isCaseAlias } from './caseAlias';\nexport const x = isCaseAlias;\n", 'src/domain/probe.ts')).toEqual([]);
    expect(await ruleIds("import { format } from 'date-fns';\nexport const x = format;\n", 'src/domain/probe.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'src/domain/probe.ts')).toContain('no-restricted-imports');
  });

  it('lets only the logger write to the console (it keeps messages, bodies and tokens out)', async () => {
    for (const file of ['src/ui/probe.tsx', 'src/app/probe.ts', 'src/graph/probe.ts', 'src/entries/probe.tsx']) {
      expect(await ruleIds("export function f(e: unknown) { console.error('failed', e); }\n", file), file).toContain('no-console');
      expect(await ruleIds("export function f(e: unknown) { console.log(e); }\n", file), file).toContain('no-console');
    }
    expect(await ruleIds("import { logFailure } from '../app/log';\nexport function f(e: unknown) { logFailure('probe', e); }\n", 'src/ui/probe.tsx')).toEqual([]);
  });

  it('forbids the clock and Office globals in src/domain', async () => {
    expect(await ruleIds('export const now = Date.now();\n', 'src/domain/probe.ts')).toContain('no-restricted-syntax');
    expect(await ruleIds('export const now = new Date();\n', 'src/domain/probe.ts')).toContain('no-restricted-syntax');
    expect(await ruleIds('export const item = Office.context;\n', 'src/domain/probe.ts')).toContain('no-restricted-globals');
    expect(await ruleIds("export const d = new Date('2026-01-01');\n", 'src/domain/probe.ts')).toEqual([]);
  });

  it('forbids src/ui to import src/graph or host SDKs, and allows src/app', async () => {
    expect(await ruleIds("import { createGraphGateway } from '../graph/createGraphGateway';\nexport const x = createGraphGateway;\n", 'src/ui/probe.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { app } from '@microsoft/teams-js';\nexport const x = app;\n", 'src/ui/probe.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { listMyCases } from '../app/cases';\nexport const x = listMyCases;\n", 'src/ui/probe.ts')).toEqual([]);
  });

  it('lets the graph adapter use the Graph client', async () => {
    expect(await ruleIds("import { Client } from '@microsoft/microsoft-graph-client';\nexport const x = Client;\n", 'src/graph/probe.ts')).toEqual([]);
  });
});
