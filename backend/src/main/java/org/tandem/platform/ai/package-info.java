/**
 * The model providers behind LangChain4j's {@code ChatModel} (Mistral AI, Ollama, OpenAI-compatible servers), their
 * settings per use case and the classification of their failures.
 */
@NamedInterface("ai")
package org.tandem.platform.ai;

import org.springframework.modulith.NamedInterface;
