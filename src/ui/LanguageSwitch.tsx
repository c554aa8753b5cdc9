// The language switch in the header: names the other language in that language ("English" /
// "Nederlands", marked with its lang so screen readers say it right). English loads on first use.
import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { chooseLanguage } from './language';
import { currentLocale, t } from './messages';

export function LanguageSwitch() {
  const [busy, setBusy] = useState(false);
  const other = currentLocale() === 'nl' ? 'en' : 'nl';
  return (
    <Button
      appearance="subtle"
      size="small"
      lang={other}
      aria-label={other === 'en' ? 'Switch to English' : 'Overschakelen naar Nederlands'}
      title={t('language.switch.title')}
      disabledFocusable={busy}
      onClick={() => {
        setBusy(true);
        chooseLanguage(other).finally(() => setBusy(false));
      }}
    >
      {other === 'en' ? 'English' : 'Nederlands'}
    </Button>
  );
}
