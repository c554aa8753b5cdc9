import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { AppError } from '../app/errors';
import { logFailure } from '../app/log';
import { ErrorNotice } from './ErrorNotice';

interface Props { children: ReactNode }
interface State { error?: unknown }

/** Catches what a screen throws while rendering (or a screen chunk that failed to load) and offers a retry. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // The failing component's name helps; the logger keeps messages (which can carry user text) out.
    logFailure(`screen render (${info.componentStack?.split('\n')[1]?.trim() ?? 'unknown component'})`, error);
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    const error = this.state.error instanceof AppError ? this.state.error : new AppError('unexpected', { cause: this.state.error });
    return <ErrorNotice error={error} onRetry={() => this.setState({ error: undefined })} />;
  }
}
