// Component tests render inside Fluent's provider, with motion skipped: happy-dom cancels
// animations with rejected promises that real browsers never surface.
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { MotionBehaviourProvider } from '@fluentui/react-motion';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';

export function renderWithFluent(ui: ReactElement) {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <MotionBehaviourProvider value="skip">{ui}</MotionBehaviourProvider>
    </FluentProvider>,
  );
}
