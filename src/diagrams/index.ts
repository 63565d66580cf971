import { ciCd } from './ci-cd.ts';
import { dataModel } from './data-model.ts';
import type { Diagram } from './layout.ts';
import { nonFuncReqs } from './non-func-reqs.ts';
import { teamsDiagram } from './teams.ts';

/** Every diagram the lessons show, each rendered to public/img/<name>.png. */
export const diagrams: readonly Diagram[] = [ciCd, teamsDiagram, dataModel, nonFuncReqs];
