/**
 * The VS Code extension: starts `rubric lsp` from the installed rubric-lang package and
 * connects VS Code to it. Highlighting, brackets, comments and snippets are declared in
 * the manifest; everything else comes from the server.
 * @module
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { env, window, workspace, type ExtensionContext } from "vscode";
import { LanguageClient, TransportKind, type Executable, type LanguageClientOptions, type NodeModule, type ServerOptions } from "vscode-languageclient/node";

/** How the manifest names the server (`rubricServer` in package.json). */
interface ServerManifest {
  readonly package: string;
  readonly module: string;
  readonly command: string;
  readonly args: readonly string[];
}

let client: LanguageClient | undefined;

/**
 * Where to start the server from: the `rubric.server.path` setting (the package's folder
 * or its CLI file), else the first workspace folder's `node_modules`, else the `rubric`
 * command on the PATH (a global `npm install -g rubric-lang`).
 * @param manifest - the server as the manifest names it
 * @param configured - the setting's value
 * @param folders - the workspace folders
 */
export function serverOptions(manifest: ServerManifest, configured: string, folders: readonly string[]): ServerOptions {
  const args = [...manifest.args];
  const moduleAt = (path: string): NodeModule => ({ module: path, args: args.filter((a) => a !== "--stdio"), transport: TransportKind.stdio });
  if (configured.trim() !== "") {
    const path = configured.trim();
    const file = existsSync(path) && statSync(path).isDirectory() ? join(path, manifest.module) : path;
    if (file.endsWith(".js") || file.endsWith(".mjs")) return moduleAt(file);
    return { command: file, args } satisfies Executable;
  }
  for (const folder of folders) {
    const file = join(folder, "node_modules", manifest.package, manifest.module);
    if (existsSync(file)) return moduleAt(file);
  }
  // npm installs a `.cmd` shim on Windows; a shell finds either.
  return { command: manifest.command, args, options: { shell: process.platform === "win32" } } satisfies Executable;
}

/**
 * Starts the client when a `.rubric` file is opened.
 * @param context - the extension's context
 */
export async function activate(context: ExtensionContext): Promise<void> {
  const manifest = (context.extension.packageJSON as { rubricServer: ServerManifest }).rubricServer;
  const config = workspace.getConfiguration("rubric");
  const setting = config.get<string>("locale", "vi");
  const locale = setting === "auto" ? (env.language.toLowerCase().startsWith("en") ? "en" : "vi") : setting;
  const folders = (workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "rubric" },
      { scheme: "untitled", language: "rubric" },
    ],
    initializationOptions: { locale, diagnosticsDelay: config.get<number>("diagnosticsDelay", 150) },
    synchronize: { configurationSection: "rubric" },
  };
  client = new LanguageClient("rubric", "Rubric", serverOptions(manifest, config.get<string>("server.path", ""), folders), clientOptions);
  try {
    await client.start();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    void window.showErrorMessage(
      locale === "en"
        ? `Rubric: could not start 'rubric lsp' (${detail}). Install the package (npm install -g rubric-lang) or set rubric.server.path.`
        : `Rubric: không khởi động được 'rubric lsp' (${detail}). Hãy cài gói (npm install -g rubric-lang) hoặc đặt rubric.server.path.`,
    );
  }
  context.subscriptions.push({ dispose: () => void client?.stop() });
}

/** Stops the client (and so the server). */
export async function deactivate(): Promise<void> {
  await client?.stop();
}
