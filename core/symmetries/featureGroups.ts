/**
 * Features that come in numbered groups with the same stems, (E1, px1, py1, pz1, E2, px2, py2, pz2): one group per
 * particle. Used only for readability: to write a constraint or a generator in the features of one particle where
 * the data allow either, and to say "of both particles together". Active when there are two or more indices and each
 * index carries the same two or more stems; otherwise every feature is its own (null) group.
 */
export interface FeatureGroups {
  active: boolean
  /** Group index of each feature (0, 1, … in order of first appearance), −1 when inactive. */
  groupOf: number[]
  /** The stem (px) and the index text (1) of each feature. */
  stems: string[]
  labels: string[]
  /** Index text of each group ("1", "2"). */
  groupLabels: string[]
}

export function featureGroups(names: readonly string[]): FeatureGroups {
  const parsed = names.map((name) => /^(.*?[^\d])(\d+)$/.exec(name))
  const stems = parsed.map((m, j) => (m ? m[1] : names[j]))
  const labels = parsed.map((m) => (m ? m[2] : ''))
  const groupLabels = [...new Set(labels)]
  const stemSets = groupLabels.map((label) => stems.filter((_, j) => labels[j] === label).sort().join('\u0000'))
  const active =
    parsed.every(Boolean) && groupLabels.length >= 2 && stemSets.every((s) => s === stemSets[0]) && stemSets[0].split('\u0000').length >= 2
  return {
    active,
    groupOf: labels.map((label) => (active ? groupLabels.indexOf(label) : -1)),
    stems,
    labels,
    groupLabels: active ? groupLabels : [],
  }
}
