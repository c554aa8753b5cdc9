// The principles hand-out that goes with every SO invitation.
export interface HandoutFile {
  name: string;
  contentType: string;
  bytesBase64: string;
}

export interface HandoutPort {
  /** The municipality's hand-out (its own PDF when configured, else ours). */
  load(): Promise<HandoutFile>;
}
