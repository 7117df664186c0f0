/** A synthesized Terraform JSON stack (`cdk.tf.json`) as cdktf writes it, typed as far as the tools read it. */
export interface TerraformJson {
  /** cdktf writes a list per provider; hand-written JSON may hold one object. */
  readonly provider?: Readonly<Record<string, ProviderBlock[] | ProviderBlock>>;
  readonly resource?: Readonly<Record<string, Readonly<Record<string, Block>>>>;
  readonly data?: Readonly<Record<string, Readonly<Record<string, Block>>>>;
  readonly output?: Readonly<Record<string, Block>>;
  readonly terraform?: Block;
}

export type Block = Readonly<Record<string, unknown>> & { readonly provider?: string };
export type ProviderBlock = Block & { readonly alias?: string; readonly region?: string };
