/** RFM segment names as the API speaks them (olap-repository's RFM_SEGMENTS); no zod here, the browser uses it. */
export const RFM_SEGMENT_NAMES = [
  'champions',
  'loyal',
  'potential_loyalists',
  'new_customers',
  'promising',
  'need_attention',
  'about_to_sleep',
  'cant_lose',
  'at_risk',
  'hibernating',
  'lost',
] as const;
