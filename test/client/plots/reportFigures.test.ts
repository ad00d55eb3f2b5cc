import { describe, expect, it } from 'vitest'
import { figureFileName, reportFigures } from '../../../client/plots/reportFigures.js'
import { marks, tinyReport, wellFormed } from './fixtures.js'

describe('reportFigures', () => {
  it('gives the relevance, loss, dimension and latent-map figures and one profile per variable', () => {
    const figures = reportFigures(tinyReport)
    expect(figures.map((f) => f.name)).toEqual(['relevance.svg', 'loss.svg', 'dimension.svg', 'latent-map.svg', 'profile-x1.svg', 'profile-cos_.svg'])
    for (const figure of figures) {
      expect(wellFormed(figure.svg)).toBe(true)
      expect(figure.title).toBeTruthy()
      expect(figure.name).toMatch(/^[A-Za-z0-9_-]+\.svg$/)
    }
  })

  it('maps the relevant latents and leaves the map out without a plane', () => {
    const map = reportFigures(tinyReport).find((f) => f.name === 'latent-map.svg')!
    expect(marks(map.svg, 'cells')).toHaveLength(2)
    const none = reportFigures({ ...tinyReport, latentMaps: { ...tinyReport.latentMaps, plane: null } })
    expect(none.map((f) => f.name)).not.toContain('latent-map.svg')
  })

  it('keeps file names unique when two variables sanitise alike', () => {
    const [profile] = tinyReport.latentMaps.profiles
    const report = { ...tinyReport, latentMaps: { plane: null, profiles: [{ ...profile, variable: 'a b' }, { ...profile, variable: 'a/b' }] } }
    expect(reportFigures(report).map((f) => f.name).slice(3)).toEqual(['profile-a_b.svg', 'profile-a_b-2.svg'])
    expect(figureFileName('profile', '../etc/passwd')).toBe('profile-_etc_passwd.svg')
  })
})
