/**
 * A typical wrong answer per exercise, made from the reference answer on the
 * same data, and a phrase the feedback must contain (English): the mistake
 * the check is meant to recognise and explain.
 */
import type { TeachingContext } from '../../lib/teaching/types';

type Answer = Record<string, unknown>;
export interface WrongAnswer {
  answer: (solved: unknown, ctx: TeachingContext) => unknown;
  says: string;
}

const other = (ctx: TeachingContext, not: string) => ctx.study.networkRows.map((r) => r.network).find((n) => n !== not)!;
const otherOf = (list: string[], not: string) => list.find((x) => x !== not)!;

export const WRONG_ANSWERS: Record<string, WrongAnswer> = {
  '01-1': { answer: (s, ctx) => ({ ...(s as Answer), responded: ctx.study.networkRows.reduce((a, r) => a + r.complete, 0) }), says: 'number of *complete* questionnaires' },
  '01-2': { answer: (_, ctx) => [...ctx.study.networkRows].sort((a, b) => b.approached - a.approached)[0].network === 'Lips' ? 'Aparctias' : 'Lips', says: 'response' },
  '01-3': { answer: (s) => ({ ...(s as Answer), gap: 25 }), says: 'response % - complete %' },
  '01-4': { answer: () => 'respondent_id,network,trust_1\nR1,Notos,4\nR2,Notos,9\n', says: 'accepts this file' },
  '01-5': { answer: (s, ctx) => ({ ...(s as Answer), rows: ctx.study.networkRows.length }), says: 'number of networks, not of rows' },
  '02-1': { answer: (s) => ({ ...(s as Answer), item: 'trust_1' }), says: 'one item has' },
  '02-2': { answer: () => ['trust_1'], says: 'deleting it costs reliability' },
  '02-3': { answer: (s) => ({ ...(s as Answer), item: 'trust_1' }), says: 'negative* item-rest r' },
  '02-4': { answer: (s) => ({ ...(s as Answer), reason: (s as Answer).reason === 'alpha_if_deleted' ? 'cross_loading' : 'alpha_if_deleted' }), says: 'The reason in the table is not' },
  '02-5': { answer: (s) => ({ ...(s as Answer), because: 'alpha' }), says: 'Write in `because`' },
  '03-1': { answer: (s) => ({ ...(s as Answer), lower: 0.5 }), says: 'The lower bound of' },
  '03-2': { answer: (_, ctx) => sdBand(ctx), says: 'That is mean ± 2 SD' },
  '03-3': { answer: (_, ctx) => singleIcc(ctx), says: 'is ICC(A,1), the reliability of one member' },
  '03-4': { answer: (s) => ({ ...(s as Answer), rule: '2se', because: 'Two standard errors is simply what I like to use for every band in my work.' }), says: "With '2se' at n =" },
  '03-5': { answer: (s) => (s === 'trust' ? 'impact' : 'trust'), says: 'the lowest is' },
  '04-1': { answer: (s) => ({ ...(s as Answer), highest: (s as Answer).lowest }), says: 'the highest mean of' },
  '04-2': { answer: (s) => (s === 'trust' ? 'impact' : 'trust'), says: 'has a mean band width of' },
  '04-3': { answer: (s) => ({ ...(s as Answer), overlap: !(s as Answer).overlap }), says: 'Compare the bounds' },
  '04-4': { answer: (s) => ({ ...(s as Answer), below: [] }), says: 'missing:' },
  '04-5': { answer: (s) => ({ ...(s as Answer), construct: (s as Answer).construct === 'trust' ? 'impact' : 'trust' }), says: 'it is' },
  '05-1': { answer: (s) => (s === 'motivation_2' ? 'motivation_3' : 'motivation_2'), says: 'the highest is' },
  '05-2': { answer: (s) => (s === 'bnd_administrative' ? 'bnd_reputation' : 'bnd_administrative'), says: 'SD' },
  '05-3': { answer: (s) => ({ ...(s as Answer), '0-5': ((s as Answer)['0-5'] as number) + 1 }), says: '0-5:' },
  '05-4': { answer: (s) => ({ ...(s as Answer), r: -((s as Answer).r as number) - 0.2 }), says: 'r is' },
  '06-1': { answer: (_, ctx) => positivePair(ctx), says: 'r =' },
  '06-2': { answer: (s, ctx) => ({ ...(s as Answer), network: other(ctx, (s as Answer).network as string) }), says: 'it changes more' },
  '06-3': { answer: (_, ctx) => oneSided(ctx), says: 'one-sided bound' },
  '06-4': { answer: (s) => ({ ...(s as Answer), significant: ((s as Answer).significant as number) + 1 }), says: 'have a permutation p < .05, not' },
  '07-1': { answer: (s) => (s === 'trust' ? 'members' : 'trust'), says: 'r =' },
  '07-2': { answer: (s) => ({ r: (s as Answer).rho, rho: (s as Answer).r }), says: 'Swapped' },
  '07-3': { answer: (s) => ({ ...(s as Answer), survive: [] }), says: 'it does hold' },
  '07-4': { answer: (s) => ({ ...(s as Answer), changed: [] }), says: 'Also changed' },
  '08-1': { answer: (s) => ({ ...(s as Answer), r: -((s as Answer).r as number) }), says: 'r is' },
  '08-2': { answer: (s, ctx) => ({ ...(s as Answer), network: other(ctx, (s as Answer).network as string) }), says: 'it changes more' },
  '08-3': { answer: (s) => ({ ...(s as Answer), verdict: (s as Answer).verdict === 'holds' ? 'weak' : 'holds' }), says: 'the verdict is' },
  '08-4': { answer: (s) => ({ ...(s as Answer), aboveCritical: !(s as Answer).aboveCritical }), says: 'The critical r at N =' },
  '09-1': { answer: (s, ctx) => [oneSided(ctx), ...(s as number[]).slice(1)], says: 'that is the one-sided one' },
  '09-2': { answer: (s) => ({ ...(s as Answer), holds: ((s as Answer).holds as number) + ((s as Answer).weak as number) }), says: 'you counted weak as well' },
  '09-3': { answer: (s) => ({ ...(s as Answer), changed: [] }), says: 'changes too' },
  '09-4': { answer: (s) => ({ ...(s as Answer), reading: (s as Answer).reading === 'strong' ? 'weak' : 'strong' }), says: 'the reading is' },
  '10-1': { answer: (s) => ({ ...(s as Answer), most: (s as Answer).fewest }), says: 'occurs in' },
  '10-2': { answer: () => ['A', 'B'], says: 'the lowest is' },
  '10-3': { answer: (s) => ({ ...(s as Answer), kappa: (s as Answer).po }), says: 'is po, the raw agreement' },
  '10-4': { answer: (s) => (s === 90 ? 80 : 90), says: 'for the first time at' },
  '10-5': { answer: (s) => ({ ...(s as Answer), level: 'document' }), says: 'too few for a coefficient' },
};

import { describe } from '../../lib/stats/descriptives/describe';
import { networkScores } from '../../lib/teaching/exercises/03';
import { iccByNetwork } from '../../lib/analysis/agreementByNetwork';
import { criticalR } from '../../lib/analysis/evaluateFindings';
import { boundaryPairs } from '../../lib/teaching/exercises/06';

function sdBand(ctx: TeachingContext) {
  const d = describe(networkScores(ctx, ctx.study.networkRows[0].network, 'impact'));
  return { lower: d.mean! - 2 * d.sd!, upper: d.mean! + 2 * d.sd! };
}
function singleIcc(ctx: TeachingContext) {
  const iccs = iccByNetwork(ctx.study.survey, ctx.study.instrument, ctx.study.networkRows.map((r) => r.network));
  return [...iccs].sort((a, b) => b.raters - a.raters)[0].single;
}
const oneSided = (ctx: TeachingContext) => criticalR(ctx.study.networkRows.length, false);
function positivePair(ctx: TeachingContext) {
  const pairs = boundaryPairs(ctx);
  const top = [...pairs].sort((a, b) => Math.abs(b.r) - Math.abs(a.r))[0];
  const pick = pairs.find((p) => p !== top)!;
  return [pick.x, pick.y];
}
export { otherOf };
