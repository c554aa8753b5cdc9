import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { toAppError } from '../app/errors';
import { errorMessage, t } from './messages';

/** A failure as the user sees it: what happened in Dutch, the code for support, and a way forward. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const appError = toAppError(error);
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t('error.title')}</MessageBarTitle>
        {errorMessage(appError.code)} <span>{t('error.code', { code: appError.code })}</span>
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>{t('error.retry')}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
