/** The TSA's certificates as PEM, for `openssl ts -verify` of received tokens. */
export class TsaPems {
  constructor(
    readonly ca: string,
    readonly tsa: string,
  ) {}
}
