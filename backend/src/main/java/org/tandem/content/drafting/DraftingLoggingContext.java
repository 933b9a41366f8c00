package org.tandem.content.drafting;

import org.aopalliance.intercept.MethodInterceptor;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.slf4j.MDC;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.content.DraftingService;
import org.tandem.platform.ops.LoggingContext;

/**
 * The AI step logs under its case: {@link DraftingService#draft} runs with the case id and the
 * process instance id in the logging context ({@link LoggingContext}), through a proxy around the
 * bean, so that the worker and the drafting service stay untouched.
 */
@Configuration(proxyBeanMethods = false)
class DraftingLoggingContext {

    @Bean
    static BeanPostProcessor draftingUnderItsCase(ObjectProvider<ExternalTaskService> externalTasks) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof DraftingService)) {
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                proxy.setProxyTargetClass(true);
                proxy.addAdvice((MethodInterceptor) invocation -> {
                    Object[] args = invocation.getArguments();
                    if (!invocation.getMethod().getName().equals("draft")
                            || args.length < 2
                            || !(args[0] instanceof Long caseId)) {
                        return invocation.proceed();
                    }
                    String previousCase = MDC.get(LoggingContext.CASE_ID);
                    String previousInstance = MDC.get(LoggingContext.PROCESS_INSTANCE_ID);
                    MDC.put(LoggingContext.CASE_ID, String.valueOf(caseId));
                    // the worker already put the instance it locked the task of: no query for it (issue 18)
                    if (args[1] instanceof String externalTaskId && previousInstance == null) {
                        try {
                            ExternalTask task = externalTasks
                                    .getObject()
                                    .createExternalTaskQuery()
                                    .externalTaskId(externalTaskId)
                                    .singleResult();
                            if (task != null) {
                                MDC.put(LoggingContext.PROCESS_INSTANCE_ID, task.getProcessInstanceId());
                            }
                        } catch (RuntimeException e) {
                            // the logging context is a help, never a reason to fail the AI step
                        }
                    }
                    try {
                        return invocation.proceed();
                    } finally {
                        restore(LoggingContext.CASE_ID, previousCase);
                        restore(LoggingContext.PROCESS_INSTANCE_ID, previousInstance);
                    }
                });
                return proxy.getProxy(bean.getClass().getClassLoader());
            }
        };
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
