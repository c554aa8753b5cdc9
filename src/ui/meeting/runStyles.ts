import { makeStyles, tokens } from '@fluentui/react-components';

// Shared by the runner's parts. Calm: state is said in words; colour only supports it, and borders keep it
// visible in forced colours (where backgrounds disappear).
export const useRunStyles = makeStyles({
  card: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM, margin: 0,
  },
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  plainList: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground2, margin: 0 },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400 },
  p: { margin: 0 },
  quote: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, overflowWrap: 'anywhere' },
  wrap: { overflowWrap: 'anywhere' },
});
