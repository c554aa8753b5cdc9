// Styles the invitation detail and its panels share.
import { makeStyles, tokens } from '@fluentui/react-components';

export const useDetailStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0, maxWidth: '48rem' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subject: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  facts: { display: 'grid', gridTemplateColumns: 'minmax(7rem, max-content) 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere' },
  prose: { margin: 0, whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  back: { alignSelf: 'flex-start' },
});
