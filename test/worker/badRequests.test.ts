import { expect, it } from 'vitest'
import { analysesCases, describeBadRequests, eventsCases, otherCases } from './badRequests.case.js'

describeBadRequests('bad requests: POST /api/v1/datasets/{name}/events', eventsCases, '10.1.1')
describeBadRequests('bad requests: /api/v1/analyses', analysesCases, '10.1.2')
describeBadRequests('bad requests: other routes', otherCases, '10.1.3')

it('the table has at least 30 malformed requests', () => {
  expect(eventsCases.length + analysesCases.length + otherCases.length).toBeGreaterThanOrEqual(30)
})
