// Styles the after-the-SO screens share: data tables that scroll sideways in a 320 px side panel, and the
// marks for overdue agreements and additions (a text label always; colour and border only help the eye).
import { makeStyles, tokens } from '@fluentui/react-components';

export const useAfterStyles = makeStyles({
  tableWrap: { overflowX: 'auto', maxWidth: '100%' },
  table: {
    borderCollapse: 'collapse',
    minWidth: '100%',
    '& caption': { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
    '& th, & td': { textAlign: 'left', verticalAlign: 'top', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
    '& td.num, & th.num': { textAlign: 'right', whiteSpace: 'nowrap' },
  },
  overdue: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteRedBorder2}` },
  addition: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteMarigoldBorder2}`, backgroundColor: tokens.colorPaletteMarigoldBackground1 },
  label: { fontWeight: tokens.fontWeightSemibold },
  // Forced colours draw links in the user's LinkText on Canvas: say so, rather than keep the theme's own link
  // colour (the Teams high contrast yellow, meant for a black page the user may not have).
  sectionLink: { '@media (forced-colors: active)': { color: 'LinkText' } },
  sectionNav: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, margin: 0, padding: 0, listStyleType: 'none' },
});
